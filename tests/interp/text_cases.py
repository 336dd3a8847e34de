# The str and builtins cases of tests/interp/str_methods_test.cpp and builtins_test.cpp.
# Each group runs as one program in both CPython and LoopLab; tools/gen_text_cases.py
# records CPython's output. ("exprs": repr of each expression, or its exception.)

STR_GROUPS = [
    ("Indexing and slicing count code points, not bytes", "exprs", [
        "'hello'[1]", "'hello'[-1]", "'hello'[5]", "'hello'[-6]", "'héllo'[1]", "'你好世界'[2]", "'Київ'[-1]",
        "'hello'[1:4]", "'hello'[::-1]", "'héllo'[::-1]", "'你好世界'[1:3]", "'abcdef'[::2]", "'abcdef'[5:1:-2]",
        "'abc'[10:]", "'abc'[-10:2]", "'abc'['x']", "'abc'[1.0]", "'abc'[None:2]", "'abc'[True]",
        "'Привіт'[1:-1]", "'😀a😀'[1]", "'😀a😀'[::-1]",
    ]),
    ("Concatenation, repetition, comparison and membership follow CPython", "exprs", [
        "'ab' + 'cd'", "'ab' * 3", "3 * 'ab'", "'ab' * 0", "'ab' * -2", "'ab' + 1", "'ab' * 1.5", "'ab' * 'c'",
        "'a' < 'b'", "'abc' < 'abd'", "'ab' < 'abc'", "'é' > 'z'", "'я' > 'ї'", "'你' > 'a'", "'a' == 'a'",
        "'a' != 'b'", "'a' < 1", "'b' in 'abc'", "'' in 'abc'", "'ий' in 'Київський'", "1 in 'abc'",
        "len('')", "len('héllo')", "len('你好')", "len('😀')", "sorted('bca')", "list('Київ')", "max('abc')",
    ]),
    ("repr chooses quotes and escapes like CPython and keeps readable text", "exprs", [
        "'plain'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'tab\\there'", "'new\\nline'", "'cr\\r'",
        "'back\\\\slash'", "'\\x00\\x07\\x1b\\x7f'", "'\\x80\\x9f\\xa0\\xad'", "'é ü ß'", "'你好，世界'",
        "'Привіт, світе! Ґанок'", "'\\u2028\\u200b\\ufeff'", "'😀 emoji'", "'\\U000e0001'", "'\\ud800'",
        "str('x')", "repr('a\\nb')", "ascii('héllo 你好 😀')", "ascii('\\x85')", "'\\u0378'",
    ]),
    ("split and rsplit follow the whitespace and separator rules", "exprs", [
        "'  a  b  '.split()", "'a b c'.split(None, 1)", "'  a b c  '.split(maxsplit=1)", "'  a b c  '.rsplit(maxsplit=1)",
        "'a,b,,c'.split(',')", "'a,b,,c'.split(',', 1)", "'a,b,,c'.rsplit(',', 1)", "'a,b,,c'.rsplit(',')",
        "''.split()", "''.split(',')", "'   '.split()", "'a\\tb\\nc\\x1cd\\x85e\\u3000f'.split()",
        "'a b'.split(maxsplit=0)", "'  a b  '.split(maxsplit=0)", "'  a b  '.rsplit(maxsplit=0)",
        "'a--b--c'.split('--')", "'a--b--c'.rsplit('--', 1)", "'a'.split('')", "'a'.split(1)",
        "'a b'.split(sep=None, maxsplit=-1)", "'a'.split(x=1)", "'a'.split(' ', 1, 2)", "'a'.split(1, sep=2)",
        "'один два  три'.split()", "'一，二，三'.split('，')", "'a b c'.rsplit(None, 1)", "'a'.split(maxsplit='x')",
    ]),
    ("splitlines knows every line boundary and keepends", "exprs", [
        "'a\\nb\\r\\nc\\rd'.splitlines()", "'a\\nb\\r\\nc\\rd\\n'.splitlines(True)", "''.splitlines()",
        "'\\n'.splitlines()", "'a\\x0bb\\x0cc\\x1cd\\x1de\\x1ef\\x85g\\u2028h\\u2029i'.splitlines()",
        "'a\\n\\nb'.splitlines(keepends=True)", "'x'.splitlines(1, 2)", "'x'.splitlines(x=1)",
    ]),
    ("join, strip and replace behave as in CPython", "exprs", [
        "', '.join(['a', 'b', 'c'])", "''.join([])", "'-'.join('abc')", "'-'.join(('x',))", "'-'.join(iter(['p', 'q']))",
        "'-'.join({'k': 1, 'j': 2})", "'-'.join([1])", "'-'.join(['a', 2])", "'-'.join(1)", "'·'.join('你好')",
        "'  hi  '.strip()", "'  hi  '.lstrip()", "'  hi  '.rstrip()", "'xxhixx'.strip('x')", "'abcba'.strip('ab')",
        "'\\u3000 hi\\t\\n'.strip()", "'hi'.strip(None)", "'hi'.strip(1)", "'hi'.strip('h', 'i')", "'ïhiï'.strip('ï')",
        "'aaa'.replace('a', 'b')", "'aaa'.replace('a', 'b', 2)", "'aaa'.replace('a', 'b', -1)", "'abc'.replace('', '-')",
        "'abc'.replace('', '-', 2)", "''.replace('', 'x')", "'abc'.replace('x', 'y')", "'київ'.replace('ї', 'i')",
        "'a'.replace('a')", "'a'.replace(1, 'b')", "'a'.replace('a', 'b', 'c')", "'a'.replace('a', 'b', count=1)",
        "'prefix-body'.removeprefix('prefix-')", "'body.py'.removesuffix('.py')", "'x'.removeprefix('')",
        "'x'.removeprefix(1)",
    ]),
    ("find, index and count report code-point positions", "exprs", [
        "'hello'.find('l')", "'hello'.rfind('l')", "'hello'.find('z')", "'hello'.find('l', 3)", "'hello'.find('l', -2)",
        "'hello'.find('l', 1, 3)", "'hello'.find('')", "'hello'.find('', 5)", "'hello'.find('', 6)", "'hello'.rfind('')",
        "'héllo wörld'.find('w')", "'你好你好'.rfind('你')", "'hello'.index('e')", "'hello'.index('z')",
        "'hello'.rindex('z')", "'hello'.find(1)", "'hello'.find()", "'hello'.find('l', 'x')", "'hello'.find('l', None, None)",
        "'hello'.find(x=1)", "'aaaa'.count('a')", "'aaaa'.count('aa')", "'aaaa'.count('')", "'abc'.count('', 5)",
        "'abc'.count('', 3)", "'ababab'.count('ab', 1)", "'ababab'.count('ab', 1, -1)", "'hello'.count()",
        "'ïïï'.count('ï')", "'hello'.count('l', 1, 2, 3)",
    ]),
    ("startswith and endswith accept tuples and ranges", "exprs", [
        "'hello'.startswith('he')", "'hello'.startswith(('x', 'he'))", "'hello'.endswith('lo')", "'hello'.endswith(('lo',))",
        "'hello'.startswith('l', 2)", "'hello'.startswith('', 5)", "'hello'.startswith('', 6)", "'hello'.endswith('l', 0, 4)",
        "'hello'.startswith(1)", "'hello'.startswith((1,))", "'hello'.endswith(['lo'])", "'hello'.startswith()",
        "'hello'.endswith(('lo', 1))", "'Київ'.endswith('їв')", "'hello'.startswith('h', x=1)",
    ]),
    ("Padding methods use CPython's centring and fill rules", "exprs", [
        "'ab'.center(7)", "'ab'.center(6, '*')", "'a'.center(4)", "'ab'.center(5)", "'abc'.center(2)", "'a'.center(-5)",
        "'ab'.ljust(5, '.')", "'ab'.rjust(5)", "'你'.center(5, '好')", "'a'.center(3, 'ab')", "'a'.center(3, '')",
        "'a'.center(3, 1)", "'a'.center('x')", "'a'.center()", "'a'.center(1, 2, 3)", "'a'.ljust(1.5)",
        "'42'.zfill(5)", "'-42'.zfill(5)", "'+42'.zfill(5)", "'+'.zfill(3)", "''.zfill(2)", "'abc'.zfill(2)",
        "'a'.zfill('x')", "'a'.zfill()", "'a\\tb'.expandtabs()", "'a\\tbc\\td'.expandtabs(4)", "'ab\\ncd\\te'.expandtabs(3)",
        "'\\t'.expandtabs(0)", "'a\\tb'.expandtabs(tabsize=2)", "'a'.expandtabs('x')",
    ]),
    ("partition and rpartition split around the first or last separator", "exprs", [
        "'a=b=c'.partition('=')", "'a=b=c'.rpartition('=')", "'abc'.partition('x')", "'abc'.rpartition('x')",
        "'abc'.partition('')", "'abc'.partition(1)", "'key: значення'.partition(': ')", "'a'.partition()",
    ]),
    ("maketrans and translate map code points", "exprs", [
        "str.maketrans('ab', 'xy')", "str.maketrans('ab', 'xy', 'c')", "str.maketrans({'a': '1', 98: None})",
        "str.maketrans('ab', 'x')", "str.maketrans('ab')", "str.maketrans({'ab': 1})", "str.maketrans({1.5: 1})",
        "str.maketrans(1, 2)", "str.maketrans('a', 2)", "str.maketrans('a', 'b', 3)", "str.maketrans()",
        "str.maketrans({'a': 1}, 'b')", "'a'.maketrans('a', 'b')", "'abc'.translate({97: 'X', 98: None, 99: 100})",
        "'abc'.translate({97: 1.5})", "'abc'.translate({97: 0x110000})", "'abc'.translate(str.maketrans('abc', 'xyz'))",
        "'київ'.translate({ord('ї'): 'i'})", "'abc'.translate(['x'] * 98)", "'abc'.translate(1)",
        "'abc'.translate({97: ''})", "'a'.translate()", "'hello world'.translate(str.maketrans('', '', 'lo'))",
    ]),
    ("Case mapping covers Latin, Greek and Cyrillic, with the special cases", "exprs", [
        "'Hello World'.upper()", "'Hello World'.lower()", "'Hello World'.swapcase()", "'hello world'.title()",
        "\"they're bill's friends\".title()", "'hello WORLD'.capitalize()", "'ß'.upper()", "'ßa'.capitalize()",
        "'straße'.casefold()", "'ǆemal'.capitalize()", "'ǅ'.lower()", "'ﬁre'.title()", "'ﬁ'.upper()",
        "'Привіт Світе'.upper()", "'ПРИВІТ'.lower()", "'київ'.title()", "'ґанок є їжак'.upper()", "'ΣΑΣ ΣΑΣ'.lower()",
        "'ΑΣ'.swapcase()", "'Σ'.lower()", "'aΣ b'.lower()", "'İ'.lower()", "'ı'.upper()", "'Ǉ'.swapcase()",
        "'ΐ'.upper()", "'µ'.upper()", "'ÿ'.upper()", "'Ꭰ'.casefold()", "'ꭰ'.upper()", "'ა'.upper()", "'ა'.title()",
        "'hello 你好'.upper()", "'1st place'.title()", "'a'.upper(1)", "'a'.title(x=1)", "str.upper(1)",
    ]),
    ("Character class predicates follow Unicode data", "exprs", [
        "'abc'.isalpha()", "'abc1'.isalpha()", "''.isalpha()", "'你好'.isalpha()", "'Київ'.isalpha()", "'é'.isalpha()",
        "'abc1'.isalnum()", "'½'.isalnum()", "'123'.isdigit()", "'²'.isdigit()", "'²'.isdecimal()", "'½'.isnumeric()",
        "'一二三'.isnumeric()", "'٣'.isdecimal()", "'Ⅷ'.isnumeric()", "' \\t\\n'.isspace()", "'\\x1c\\x85\\xa0'.isspace()",
        "''.isspace()", "'ABC'.isupper()", "'AbC'.isupper()", "'A1'.isupper()", "'1'.isupper()", "'abc'.islower()",
        "'aß'.islower()", "'ПРИВІТ'.isupper()", "'Hello World'.istitle()", "'Hello world'.istitle()", "'ǅa'.istitle()",
        "'1A'.istitle()", "''.istitle()", "'abc'.isidentifier()", "'_x1'.isidentifier()", "'1x'.isidentifier()",
        "'змінна'.isidentifier()", "'a-b'.isidentifier()", "''.isidentifier()", "'abc'.isascii()", "'é'.isascii()",
        "''.isascii()", "'abc'.isprintable()", "'a\\nb'.isprintable()", "''.isprintable()", "'\\xa0'.isprintable()",
        "'你好'.isprintable()", "'ª'.islower()", "'ℂ'.isupper()", "'Ⓐ'.isupper()",
    ]),
    ("encode turns text into bytes with the codec rules", "exprs", [
        "'héllo'.encode()", "'héllo'.encode('utf-8')", "'abc'.encode('ascii')", "'é'.encode('ascii')",
        "'aéb'.encode('ascii', 'replace')", "'aéb'.encode('ascii', 'ignore')", "'é€'.encode('latin-1')",
        "'é'.encode('latin-1')", "'x'.encode('foo')", "'x'.encode(1)", "'x'.encode(errors=1)",
        "str(b'abc', 'utf-8')", "str(b'\\xc3\\xa9', 'utf-8')", "str(b'\\xff', 'utf-8')", "str(b'\\xff', 'utf-8', 'replace')",
        "str(b'\\xff', 'utf-8', 'ignore')", "str(b'\\xe9', 'latin-1')", "str(b'abc')", "str(1, 'utf-8')", "str('a', 'utf-8')",
        "str(b'a', 'foo')",
    ]),
    ("The str constructor converts any object", "exprs", [
        "str()", "str(12)", "str(1.5)", "str(None)", "str(True)", "str([1, 'a'])", "str((1,))", "str({'a': 1})",
        "str(object='x')", "str(x=1)", "str(1, 2, 3, 4)", "str(str)", "str(-0.0)", "str(1e22)", "str('你好')",
    ]),
    ("str.format handles fields, conversions and nested specs", "exprs", [
        "'{} {}'.format(1, 2)", "'{1} {0}'.format(1, 2)", "'{a}-{b}'.format(a=1, b='x')", "'{0}{0}'.format('ab')",
        "'{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c')", "'{:*^9}'.format('mid')", "'{0:.3f}'.format(3.14159)",
        "'{:,}'.format(1234567)", "'{:08.2f}'.format(-3.5)", "'{:x} {:X} {:o} {:b}'.format(255, 255, 8, 5)",
        "'{:#x}'.format(255)", "'{:+d}'.format(5)", "'{:e}'.format(12345.678)", "'{:%}'.format(0.25)",
        "'{!r}'.format('x')", "'{!s}'.format('x')", "'{!a}'.format('é')", "'{0!r:>6}'.format('x')",
        "'{:{w}.{p}f}'.format(3.14159, w=10, p=2)", "'{:{}}|{}'.format('a', 5, 'b')", "'{0:{1}}'.format(1, 5)",
        "'{0[0]} {0[1]}'.format('xy')", "'{a[k]}'.format(a={'k': 'v'})", "'{0.real}'.format(5)",
        "'{{}} {{{0}}}'.format(7)", "'{}'.format('你好')", "'{:>4}'.format('你')", "'{:d}'.format(True)",
        "'{}'.format(None)", "'{:>6}'.format(None)", "'{'.format(1)", "'}'.format(1)", "'a}b'.format(1)",
        "'{0'.format(1)", "'{!r'.format(1)", "'{0!x}'.format(1)", "'{0!rr}'.format(1)", "'{}{1}'.format(1, 2)",
        "'{1}{}'.format(1, 2)", "'{a}'.format(1)", "'{5}'.format(1)", "'{0[}'.format([1])", "'{0[0]x}'.format([1])",
        "'{0.}'.format(1)", "'{0[]}'.format(1)", "'{0:{1:{2}}}'.format(1, 2, 3)", "'{x{}'.format(1)",
        "'{0[5]}'.format([1])", "'{0.y}'.format(1)", "'{99999999999999999999}'.format(1)", "'{0:d}'.format('a')",
        "'{}'.format()", "'{ 0}'.format(1)", "'{:s}'.format(1)", "'{:,d}'.format(-1234)", "'{:_b}'.format(255)",
        "'{0:}'.format(3)", "'{x}'.format_map({'x': 1})", "'{}'.format_map({'x': 1})", "'{y}'.format_map({'x': 1})",
        "'{:.2}'.format('abcdef')", "'{:=+6}'.format(42)", "'{:c}'.format(9731)",
    ]),
    ("The % operator formats tuples, single values and mappings", "exprs", [
        "'%s and %s' % ('a', 'b')", "'%d%%' % 50", "'%5.2f|%-5d|%05d' % (3.14159, 42, 42)", "'%r' % 'x'",
        "'%s' % (1,)", "'%s' % [1, 2]", "'%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}", "'%x %X %o' % (255, 255, 8)",
        "'%#x %#o' % (255, 8)", "'%e' % 12345.678", "'%g %g' % (0.00001, 123456789)", "'%c%c' % (65, 'b')",
        "'%+d % d' % (5, 5)", "'%.3s' % 'abcdef'", "'%*d' % (5, 42)", "'%-*s|' % (4, 'a')", "'%s' % ()",
        "'%s %s' % ('a',)", "'%s' % ('a', 'b')", "'%d' % 'x'", "'%d' % 3.7", "'%i' % True", "'%z' % 1", "'%' % 1",
        "'%(a)s' % 1", "'%(a)s' % {}", "'abc' % []", "'%s' % None", "'%a' % 'é'", "'%s' % '你好'", "'%5s|' % '你'",
        "'%.2f' % 2.675", "'%c' % 0x110000", "'%(x' % {'x': 1}",
    ]),
    ("Iteration walks code points and str methods work from the class", "program", """
for ch in 'aé你😀':
    print(ch, ord(ch), len(ch))
it = iter('xy')
print(next(it), next(it), next(it, 'done'))
print(str.join('-', ['a', 'b']), str.upper('q'), 'abc'.__len__(), 'ab'.__add__('c'))
print('ab'.__contains__('a'), 'ab'.__getitem__(0), 'a'.__mul__(3), 'a'.__eq__(1), 'b'.__lt__('c'))
print(sorted(['b', 'A', 'é', 'a', 'Z', '你']))
words = 'the quick brown fox'.split()
print(' '.join(w.capitalize() for w in words))
print('%-10s|%5.1f' % ('name', 2.25), f'{"x":>3}', '{:>3}'.format('y'))
"""),
]

BUILTIN_GROUPS = [
    ("print writes its arguments with sep, end and file", "program", """
import sys
print('a', 1, 2.5, None, [1, 'x'])
print('a', 'b', sep='-')
print('a', 'b', sep='', end='!\\n')
print('no newline', end='')
print()
print('x', 'y', sep=None, end=None)
print(*[1, 2, 3], sep=', ')
print('to stdout', file=sys.stdout)
print('flushed', flush=True)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): self.parts.append('<flush>')
w = W()
print('a', 'b', sep='+', end='.', file=w, flush=True)
print(w.parts)
for bad in [dict(sep=1), dict(end=2), dict(file=1), dict(x=1)]:
    try:
        print('q', **bad)
    except Exception as e:
        print(type(e).__name__, e)
print('你好', 'Київ')
"""),
    ("int, float and bool construct from numbers and text", "exprs", [
        "int()", "int(42)", "int(-2.9)", "int(2.9)", "int(True)", "int('  42  ')", "int('-0x1f', 16)", "int('0x1f', 0)",
        "int('1_000')", "int('12', base=16)", "int('z', 36)", "int('٣')", "int(b'12')", "int('1.5')", "int('')",
        "int(None)", "int([])", "int(12, 16)", "int(base=10)", "int('10', base='x')", "int('z', 37)",
        "int(float('inf'))", "int(float('nan'))", "int(1, 2, 3)", "int(x=1)",
        "float()", "float(3)", "float('1.5')", "float(' -2.5e3 ')", "float('inf')", "float('-Infinity')", "float('nan')",
        "float('1_0.5')", "float(True)", "float('x')", "float(None)", "float([])", "float(1, 2)", "float(x=1)",
        "float('1e500')", "bool()", "bool(0)", "bool(2)", "bool('')", "bool('a')", "bool([])", "bool([0])",
        "bool(None)", "bool(0.0)", "bool(1, 2)", "bool(x=1)", "type(int('5'))", "type(float(5))",
    ]),
    ("Numeric builtins round, divide and raise to powers like CPython", "exprs", [
        "abs(-3)", "abs(-2.5)", "abs(True)", "abs(-0.0)", "abs('a')", "abs()", "abs(1, 2)",
        "round(2.5)", "round(3.5)", "round(-2.5)", "round(-0.5)", "round(2.675, 2)", "round(0.125, 2)", "round(1234, -2)",
        "round(1250, -2)", "round(1350, -2)", "round(25, -1)", "round(5, 2)", "round(2.5, 0)", "round(2.5, None)",
        "round(1.5, 1.0)", "round('a')", "round(float('inf'))", "round(float('nan'))", "round(True)", "round()",
        "round(1, 2, 3)", "round(number=2.5)", "round(1e300, -300)", "round(0.5, -1)", "round(123.456, 1)",
        "divmod(7, 2)", "divmod(-7, 2)", "divmod(7, -2)", "divmod(7.5, 2)", "divmod(-7.5, 2)", "divmod(1, 0)",
        "divmod(1.0, 0)", "divmod('a', 1)", "divmod(True, 2)", "divmod(1)",
        "pow(2, 10)", "pow(2, -1)", "pow(2.0, 3)", "pow(2, 0.5)", "pow(2, 10, 1000)", "pow(2, -1, 7)", "pow(3, 4, -5)",
        "pow(3, -1, -7)", "pow(2, -1, 4)", "pow(0, 0, 1)", "pow(-2, 3, 5)", "pow(2, 3, 0)", "pow(2.0, 3, 5)",
        "pow(2, 3, None)", "pow(base=2, exp=3)", "pow(1)", "pow('a', 2)", "pow(10, 18)", "pow(7, 1000, 13)",
        "hex(255)", "hex(-255)", "hex(0)", "oct(8)", "oct(-8)", "bin(5)", "bin(-5)", "bin(True)", "hex(1.5)", "hex()",
        "hex(-9223372036854775807 - 1)", "bin(9223372036854775807)",
    ]),
    ("Text builtins convert between characters, codes and representations", "exprs", [
        "chr(65)", "chr(20320)", "chr(0x1F600)", "chr(0x110000)", "chr(-1)", "chr('a')", "chr(65.0)",
        "ord('a')", "ord('你')", "ord('😀')", "ord('ab')", "ord('')", "ord(1)", "ord(b'a')",
        "repr(1)", "repr('a')", "repr([1, 'é'])", "repr(None)", "repr(1.0)", "repr()", "ascii('é')", "ascii([1, 'é'])",
        "ascii('你😀')", "format(1.5, '.3f')", "format(5)", "format('a', '>3')", "format(1, 2)", "format([1], 'x')",
        "format([1])", "format(True)", "format(True, 'd')", "format(255, '#x')", "format()", "format(1, '', 3)",
        "format(None, '')", "format(None, '>5')",
    ]),
    ("Object builtins inspect types and attributes", "program", """
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class P3(Point):
    pass
p = P3(1, 2)
print(isinstance(p, Point), isinstance(p, (int, str)), isinstance(1, (str, int)), isinstance(True, int))
print(issubclass(P3, Point), issubclass(bool, int), issubclass(int, (str, float)), issubclass(Point, object))
print(type(p) is P3, type(1), type('a'), type(1.5), type(None), type(True), type(type), type(print))
print(getattr(p, 'x'), getattr(p, 'z', 'default'), hasattr(p, 'y'), hasattr(p, 'z'))
setattr(p, 'z', 3)
print(p.z, vars(p))
delattr(p, 'z')
print(hasattr(p, 'z'), callable(p), callable(Point), callable(len), callable(print))
print(hash(1), hash(1.5), hash('a'), hash((1, 2)), hash(True), hash(-1))
print(id(p) == id(p), id(p) != id(Point))
print([n for n in dir(p) if not n.startswith('__')])
print(int(5).bit_length(), (255).bit_length(), (-7).bit_count(), (5).real, (5).imag, True.real)
print((1.5).is_integer(), (2.0).is_integer(), (1.5).as_integer_ratio(), (0.1).hex(), (-0.0).hex())
print((5).as_integer_ratio(), (5).numerator, (5).denominator, (2.5).conjugate(), (2.5).real)
print((2.5).__round__(), (7).__round__(-1), (-2.7).__floor__(), (-2.7).__ceil__(), (5).__float__())
"""),
    ("str, repr, format and % call the classes' own methods", "program", """
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} грн"
    def __repr__(self):
        return f"Money({self.cents})"
    def __format__(self, spec):
        return format(self.cents / 100, spec) + '₴'
class Plain:
    pass
m = Money(12345)
print(m, str(m), repr(m), [m], (m,), {'k': m})
print('%s|%r|%a' % (m, m, m), '{}|{!r}|{!s}|{:.1f}'.format(m, m, m, m), f'{m}|{m!r}|{m:>10.2f}')
print(format(m, '.3f'), ascii(m), str(Plain()).startswith('<__main__.Plain object at 0x'))
print('%(a)s-%(b)r' % {'a': m, 'b': 'x'}, '{0.cents}'.format(m), '{m.cents:,}'.format(m=m))
class BadStr:
    def __str__(self):
        return 42
for f in (str, lambda o: '%s' % o, lambda o: '{}'.format(o), lambda o: f'{o}'):
    try:
        f(BadStr())
    except TypeError as e:
        print('TypeError', e)
print(hash('a') == hash('a'), hash(''), hash('hello'), hash('你好'), hash('Київ'), hash('😀'))
print(str.__name__, type('x').__name__, isinstance('x', str), issubclass(str, object))
"""),
    ("Object builtins report CPython's errors", "exprs", ("""
class Point:
    def __init__(self):
        self.x = 1
p = Point()
""", [
        "getattr(p, 1)", "getattr(p, 'nope')", "hasattr(p, 2)", "setattr(1, 'x', 2)", "delattr(p, 'nope')",
        "issubclass(1, int)", "issubclass(int, 1)", "isinstance(1, 1)", "isinstance(1, (1, int))", "hash([])",
        "vars(1)", "isinstance(1)", "getattr(p)", "getattr(p, 'x', 1, 2)", "setattr(p, 'x')",
        "float('inf').as_integer_ratio()", "float('nan').as_integer_ratio()", "(5).bit_length(1)",
        "int.bit_length('a')", "(1e300).hex()", "(5e-324).hex()", "(1.0).hex()", "(-2.5).as_integer_ratio()",
        "vars(p)", "callable(input)", "Ellipsis", "NotImplemented", "...", "type(...)",
    ])),
]
