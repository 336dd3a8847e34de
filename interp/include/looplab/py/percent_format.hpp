#pragma once
// printf-style formatting, `format % args`, exactly as CPython 3.11's PyUnicode_Format
// (Objects/unicodeobject.c): %s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%, flags
// "-+ #0", width and precision (also '*'), %(key)s with a mapping, and CPython's errors:
// TypeError "not enough arguments for format string", "not all arguments converted during
// string formatting", "%d format: a real number is required, not str", "* wants int",
// "format requires a mapping", "%c requires int or char", "must be real number, not str";
// ValueError "incomplete format", "incomplete format key", "unsupported format character
// 'y' (0x79) at index 3"; OverflowError "%c arg not in range(0x110000)".
//
// How the interpreter calls it: `format % rhs` becomes
//     percent_format(format_text, args)
// where `args` is an implementation of PercentArgs describing rhs:
//   - tuple_size(): len(rhs) when rhs is a tuple (exactly CPython's PyTuple_Check), else -1;
//     a non-tuple rhs is the single argument.
//   - is_mapping(): PyMapping_Check(rhs) && !tuple && !str — true for dict, list, range,
//     bytes, user classes with __getitem__. It enables %(key)s and, as in CPython, a mapping
//     rhs never gives "not all arguments converted" ('abc' % [] == 'abc').
//   - Arguments are named by handles: i in [0, tuple_size()) is rhs[i]; kPercentSingle is
//     rhs itself; lookup(key) returns a handle of the interpreter's choosing for rhs[key]
//     (and raises KeyError itself).
//   - value(h) describes an argument (its kind and value, and its type name for messages).
//   - convert(h, 's' | 'r' | 'a') is str(), repr() or ascii() of an argument; it is called
//     only for %s, %r, %a, at the moment CPython calls them (it may run user code).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace looplab::py {

struct PercentValue {
    enum class Kind : uint8_t {
        Int,    // int or bool (PyLong_Check)
        Float,  // float
        Str,    // str (only used by %c: a 1-character str is a character)
        Other,  // anything else: a TypeError for the numeric conversions and %c
    };
    Kind kind = Kind::Other;
    int64_t i = 0;          // Int
    double f = 0;           // Float
    std::string s;          // Str (UTF-8)
    std::string type_name;  // type(v).__name__, e.g. "str", "NoneType", "list", "bool"
};

inline constexpr size_t kPercentSingle = static_cast<size_t>(-1);

class PercentArgs {
public:
    virtual ~PercentArgs() = default;
    virtual int64_t tuple_size() const = 0;
    virtual bool is_mapping() const = 0;
    virtual size_t lookup(std::string_view key) = 0;
    virtual PercentValue value(size_t handle) = 0;
    virtual std::string convert(size_t handle, char conversion) = 0;
};

std::string percent_format(std::string_view format_utf8, PercentArgs& args);

}  // namespace looplab::py
