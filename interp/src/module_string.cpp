// The `string` module (CPython Lib/string.py): the character-class constants, capwords()
// and Template ($name / ${name} / $$ substitution, with CPython's errors).
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

const char* const kSource = R"PY(
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))

def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')

def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')

class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _line_col(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            return 1, 1
        return len(lines), i - len(''.join(lines[:-1])) + 1

    def _substitute(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            if k < n and t[k] == '{':
                e = k + 1
                while e < n and _is_ident_char(t[e]):
                    e += 1
                name = t[k + 1:e]
                if name and _is_ident_start(name[0]) and e < n and t[e] == '}':
                    if name in mapping or not safe:
                        out.append(str(mapping[name]))
                    else:
                        out.append(t[j:e + 1])
                    i = e + 1
                    continue
            elif k < n and _is_ident_start(t[k]):
                e = k
                while e < n and _is_ident_char(t[e]):
                    e += 1
                name = t[k:e]
                if name in mapping or not safe:
                    out.append(str(mapping[name]))
                else:
                    out.append(t[j:e])
                i = e
                continue
            if safe:
                out.append(d)
                i = k
                continue
            lineno, colno = self._line_col(j)
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
        return ''.join(out)

    def substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._substitute(mapping, True)
)PY";

}  // namespace

void init_string(Interp& in, Module& m) { exec_source(in, kSource, "<looplab:string>", m.dict); }

}  // namespace looplab::py::stdlib
