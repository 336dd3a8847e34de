// `format % args` as CPython 3.11's PyUnicode_Format (Objects/unicodeobject.c), ported
// state machine and all; see percent_format.hpp for the interface.
#include "looplab/py/percent_format.hpp"

#include <climits>
#include <cstdio>

#include "looplab/py/float_format.hpp"
#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

namespace {

enum : int { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

struct FormatArg {
    char32_t ch = 0;
    int flags = 0;
    int64_t width = -1;
    int64_t prec = -1;
    bool sign = false;
};

class Formatter {
public:
    Formatter(std::string_view fmt, PercentArgs& args) : fmt_(utf8_decode(fmt)), args_(args) {
        arglen_ = args.tuple_size();
        argidx_ = arglen_ >= 0 ? 0 : -2;
        dict_ = args.is_mapping() && arglen_ < 0;
    }

    std::string run() {
        fmtcnt_ = static_cast<int64_t>(fmt_.size());
        fmtpos_ = 0;
        while (--fmtcnt_ >= 0) {
            if (at(fmtpos_) != '%') {
                const size_t nonfmtpos = fmtpos_++;
                while (fmtcnt_ >= 0 && at(fmtpos_) != '%') {
                    fmtpos_++;
                    fmtcnt_--;
                }
                if (fmtcnt_ < 0) fmtpos_--;
                out_.append(fmt_, nonfmtpos, fmtpos_ - nonfmtpos);
            } else {
                fmtpos_++;
                format_arg();
            }
        }
        if (argidx_ < arglen_ && !dict_) throw TypeError("not all arguments converted during string formatting");
        return utf8_encode(out_);
    }

private:
    // The format string's character at i, 0 past the end (CPython reads the terminator).
    char32_t at(size_t i) const { return i < fmt_.size() ? fmt_[i] : 0; }

    // unicode_format_getnextarg.
    size_t next_arg() {
        if (argidx_ < arglen_) {
            const int64_t idx = argidx_++;
            return arglen_ < 0 ? current_ : static_cast<size_t>(idx);
        }
        throw TypeError("not enough arguments for format string");
    }

    void read_next(FormatArg& arg) {
        if (--fmtcnt_ >= 0) arg.ch = at(fmtpos_++);
    }

    // unicode_format_arg.
    void format_arg() {
        FormatArg arg;
        arg.ch = at(fmtpos_);
        if (arg.ch == '%') {
            fmtpos_++;
            fmtcnt_--;
            out_ += U'%';
            return;
        }
        parse(arg);
        std::u32string str = format_value(arg);
        output(arg, str);
        if (dict_ && argidx_ < arglen_) throw TypeError("not all arguments converted during string formatting");
    }

    int64_t star_arg() {
        const PercentValue v = args_.value(next_arg());
        if (v.kind != PercentValue::Kind::Int) throw TypeError("* wants int");
        return v.i;
    }

    // unicode_format_arg_parse.
    void parse(FormatArg& arg) {
        if (at(fmtpos_) == '(') {  // "%(name)s": the argument comes from a mapping
            if (!dict_) throw TypeError("format requires a mapping");
            ++fmtpos_;
            --fmtcnt_;
            const size_t keystart = fmtpos_;
            int pcount = 1;  // skip over balanced parentheses
            while (pcount > 0 && --fmtcnt_ >= 0) {
                arg.ch = at(fmtpos_);
                if (arg.ch == ')') --pcount;
                else if (arg.ch == '(') ++pcount;
                fmtpos_++;
            }
            if (fmtcnt_ < 0 || pcount > 0) throw ValueError("incomplete format key");
            const size_t keylen = fmtpos_ - keystart - 1;
            current_ = args_.lookup(utf8_encode(std::u32string_view(fmt_).substr(keystart, keylen)));
            arglen_ = -1;
            argidx_ = -2;
        }
        while (--fmtcnt_ >= 0) {  // flags
            arg.ch = at(fmtpos_++);
            switch (arg.ch) {
            case '-': arg.flags |= F_LJUST; continue;
            case '+': arg.flags |= F_SIGN; continue;
            case ' ': arg.flags |= F_BLANK; continue;
            case '#': arg.flags |= F_ALT; continue;
            case '0': arg.flags |= F_ZERO; continue;
            }
            break;
        }
        if (arg.ch == '*') {  // width
            arg.width = star_arg();
            if (arg.width < 0) {
                arg.flags |= F_LJUST;
                arg.width = -arg.width;
            }
            read_next(arg);
        } else if (arg.ch >= '0' && arg.ch <= '9') {
            arg.width = arg.ch - '0';
            while (--fmtcnt_ >= 0) {
                arg.ch = at(fmtpos_++);
                if (arg.ch < '0' || arg.ch > '9') break;
                if (arg.width > (INT64_MAX - (static_cast<int>(arg.ch) - '0')) / 10) throw ValueError("width too big");
                arg.width = arg.width * 10 + (arg.ch - '0');
            }
        }
        if (arg.ch == '.') {  // precision
            arg.prec = 0;
            read_next(arg);
            if (arg.ch == '*') {
                const int64_t p = star_arg();
                if (p > INT_MAX || p < INT_MIN) throw OverflowError("Python int too large to convert to C int");
                arg.prec = p < 0 ? 0 : p;
                read_next(arg);
            } else if (arg.ch >= '0' && arg.ch <= '9') {
                arg.prec = arg.ch - '0';
                while (--fmtcnt_ >= 0) {
                    arg.ch = at(fmtpos_++);
                    if (arg.ch < '0' || arg.ch > '9') break;
                    if (arg.prec > (INT_MAX - (static_cast<int>(arg.ch) - '0')) / 10)
                        throw ValueError("precision too big");
                    arg.prec = arg.prec * 10 + (arg.ch - '0');
                }
            }
        }
        // "h", "l" and "L" length modifiers are ignored ("%ld").
        if (fmtcnt_ >= 0 && (arg.ch == 'h' || arg.ch == 'l' || arg.ch == 'L')) read_next(arg);
        if (fmtcnt_ < 0) throw ValueError("incomplete format");
    }

    // unicode_format_arg_format: the converted text of one argument.
    std::u32string format_value(FormatArg& arg) {
        const size_t h = next_arg();
        switch (arg.ch) {
        case 's':
        case 'r':
        case 'a':
            return utf8_decode(args_.convert(h, static_cast<char>(arg.ch)));
        case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
            arg.sign = true;
            return format_long(args_.value(h), arg);
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            arg.sign = true;
            const PercentValue v = args_.value(h);
            double x;
            if (v.kind == PercentValue::Kind::Float) x = v.f;
            else if (v.kind == PercentValue::Kind::Int) x = static_cast<double>(v.i);
            else throw TypeError("must be real number, not " + v.type_name);
            // formatfloat: precision 6 by default, '#' keeps the point.
            const std::string text = double_to_string(x, static_cast<char>(arg.ch), arg.prec < 0 ? 6 : static_cast<int>(arg.prec),
                                                      (arg.flags & F_ALT) ? kDtsfAlt : 0);
            return std::u32string(text.begin(), text.end());
        }
        case 'c':
            return std::u32string(1, format_char(args_.value(h)));
        default: {
            // CPython prints the character itself only when it is printable ASCII.
            const char shown = arg.ch >= 31 && arg.ch <= 126 ? static_cast<char>(arg.ch) : '?';
            char buf[128];
            std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", shown,
                          static_cast<unsigned>(arg.ch), fmtpos_ - 1);
            throw ValueError(buf);
        }
        }
    }

    // mainformatlong + _PyUnicode_FormatLong.
    static std::u32string format_long(const PercentValue& v, const FormatArg& arg) {
        const char type = static_cast<char>(arg.ch);
        const bool int_only = type == 'o' || type == 'x' || type == 'X';
        int64_t n;
        if (v.kind == PercentValue::Kind::Int) {
            n = v.i;
        } else if (v.kind == PercentValue::Kind::Float && !int_only) {
            n = float_to_int(v.f);  // int(v)
        } else {
            throw TypeError(std::string("%") + type + " format: " +
                            (int_only ? "an integer is required, not " : "a real number is required, not ") +
                            v.type_name);
        }
        const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
        const int base = type == 'o' ? 8 : int_only ? 16 : 10;
        std::string digits;
        for (uint64_t m = magnitude; m != 0 || digits.empty(); m /= static_cast<uint64_t>(base))
            digits.insert(digits.begin(), "0123456789abcdef"[m % static_cast<uint64_t>(base)]);
        if (arg.prec > static_cast<int64_t>(digits.size()))
            digits.insert(0, static_cast<size_t>(arg.prec - static_cast<int64_t>(digits.size())), '0');
        std::string text = n < 0 ? "-" : "";
        if (int_only && (arg.flags & F_ALT)) text += type == 'o' ? "0o" : "0x";
        text += digits;
        if (type == 'X')
            for (char& c : text)
                if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 'a' + 'A');
        return std::u32string(text.begin(), text.end());
    }

    // formatchar.
    static char32_t format_char(const PercentValue& v) {
        if (v.kind == PercentValue::Kind::Str) {
            const std::u32string s = utf8_decode(v.s);
            if (s.size() == 1) return s[0];
        } else if (v.kind == PercentValue::Kind::Int) {
            if (v.i < 0 || v.i > 0x10FFFF) throw OverflowError("%c arg not in range(0x110000)");
            return static_cast<char32_t>(v.i);
        }
        throw TypeError("%c requires int or char");
    }

    // unicode_format_arg_output: sign, '0x' prefix, padding.
    void output(FormatArg& arg, const std::u32string& str) {
        const char32_t fill = (arg.sign && (arg.flags & F_ZERO)) ? '0' : ' ';
        int64_t len = static_cast<int64_t>(str.size());
        if ((arg.width == -1 || arg.width <= len) && (arg.prec == -1 || arg.prec >= len) &&
            !(arg.flags & (F_SIGN | F_BLANK))) {
            out_ += str;
            return;
        }
        // %s, %r and %a truncate to the precision.
        if ((arg.ch == 's' || arg.ch == 'r' || arg.ch == 'a') && arg.prec >= 0 && len > arg.prec) len = arg.prec;
        size_t pindex = 0;
        char32_t signchar = 0;
        if (arg.sign) {
            const char32_t c = str.empty() ? 0 : str[0];
            if (c == '-' || c == '+') {
                signchar = c;
                len--;
                pindex++;
            } else if (arg.flags & F_SIGN) {
                signchar = '+';
            } else if (arg.flags & F_BLANK) {
                signchar = ' ';
            } else {
                arg.sign = false;
            }
        }
        if (arg.width < len) arg.width = len;
        if (arg.sign) {
            if (fill != ' ') out_ += signchar;
            if (arg.width > len) arg.width--;
        }
        const bool prefix = (arg.flags & F_ALT) && (arg.ch == 'x' || arg.ch == 'X' || arg.ch == 'o');
        if (prefix) {
            if (fill != ' ') {
                out_ += U'0';
                out_ += arg.ch;
                pindex += 2;
            }
            arg.width -= 2;
            if (arg.width < 0) arg.width = 0;
            len -= 2;
        }
        if (arg.width > len && !(arg.flags & F_LJUST)) {
            out_.append(static_cast<size_t>(arg.width - len), fill);
            arg.width = len;
        }
        if (fill == ' ') {
            if (arg.sign) out_ += signchar;
            if (prefix) {
                out_ += U'0';
                out_ += arg.ch;
                pindex += 2;
            }
        }
        if (len > 0) out_.append(str, pindex, static_cast<size_t>(len));
        if (arg.width > len) out_.append(static_cast<size_t>(arg.width - len), U' ');
    }

    std::u32string fmt_;
    PercentArgs& args_;
    std::u32string out_;
    size_t fmtpos_ = 0;
    int64_t fmtcnt_ = 0;
    int64_t arglen_ = -1;
    int64_t argidx_ = -2;
    size_t current_ = kPercentSingle;  // the argument object when it is not a tuple
    bool dict_ = false;
};

}  // namespace

std::string percent_format(std::string_view format_utf8, PercentArgs& args) {
    return Formatter(format_utf8, args).run();
}

}  // namespace looplab::py
