// The `datetime` module (CPython Modules/_datetimemodule.c, Lib/_strptime.py), part 3:
// time, tzinfo and timezone, and the parsers: datetime.strptime and fromisoformat.
#include <cmath>
#include <cstring>

#include "looplab/py/unicode_text.hpp"
#include "module_datetime.hpp"
#include "native_args.hpp"

namespace looplab::py::stdlib::dt {

namespace {

using argbind::bind_args;
using argbind::index_arg;
using argbind::Sig;

Time& self_time(const CallArgs& a, const char* m) { return *static_cast<Time*>(self_of(a, time_type(), m)); }
TimeZone& self_tz(const CallArgs& a, const char* m) { return *static_cast<TimeZone*>(self_of(a, timezone_type(), m)); }
bool has_tz(const Value& tz) { return !tz.is_undefined() && !tz.is_none(); }
CallArgs rest_of(const CallArgs& a) {
    CallArgs r = a;
    r.args = a.args + 1;
    r.nargs = a.nargs - 1;
    return r;
}
void check_tzinfo(const Value& tz) {
    if (has_tz(tz) && !is(tz, tzinfo_type()))
        raise_type_error("tzinfo argument must be None or of a tzinfo subclass, not type '" + type_name(tz) + "'");
}
Value zero(Interp&, const CallArgs&) { return Value::integer(0); }

// ---- time ----------------------------------------------------------------------------------
Value time_new(Interp& in, const CallArgs& a) {
    Value v[6];
    bind_args(rest_of(a), 0, "time", "time", Sig::clinic, 0, 5, v, {"hour", "minute", "second", "microsecond", "tzinfo", "fold"});
    int64_t f[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) f[i] = v[i].is_undefined() ? 0 : index_arg(in, v[i]);
    check_time(f[0], f[1], f[2], f[3]);
    check_tzinfo(v[4]);
    return new_time(int(f[0]), int(f[1]), int(f[2]), int(f[3]), v[4], a[0].as<Type>());
}
Value time_hour(Interp&, const CallArgs& a) { return Value::integer(self_time(a, "hour").hour); }
Value time_minute(Interp&, const CallArgs& a) { return Value::integer(self_time(a, "minute").minute); }
Value time_second(Interp&, const CallArgs& a) { return Value::integer(self_time(a, "second").second); }
Value time_microsecond(Interp&, const CallArgs& a) { return Value::integer(self_time(a, "microsecond").us); }
Value time_tzinfo(Interp&, const CallArgs& a) {
    Time& t = self_time(a, "tzinfo");
    return has_tz(t.tz) ? t.tz : Value::none();
}
std::string t_iso(Interp& in, const Time& t, const std::string& spec) {
    std::string s = time_iso(t.hour, t.minute, t.second, t.us, spec);
    int64_t off;
    if (utcoffset_us(in, t.tz, Value::none(), off)) s += offset_text(off, ":");
    return s;
}
Value time_isoformat(Interp& in, const CallArgs& a) {
    Time& t = self_time(a, "isoformat");
    Value v[1];
    bind_args(a, 1, "isoformat", "isoformat", Sig::clinic, 0, 1, v, {"timespec"});
    return make_str(t_iso(in, t, v[0].is_undefined() ? "auto" : to_str(v[0], "timespec")));
}
Value time_str(Interp& in, const CallArgs& a) { return make_str(t_iso(in, self_time(a, "__str__"), "auto")); }
Value time_repr(Interp& in, const CallArgs& a) {
    Time& t = self_time(a, "__repr__");
    std::string s = (t.type == time_type() ? "datetime.time" : qualname_of(t.type)) + "(" + std::to_string(t.hour) +
                    ", " + std::to_string(t.minute);
    if (t.us) s += ", " + std::to_string(t.second) + ", " + std::to_string(t.us);
    else if (t.second) s += ", " + std::to_string(t.second);
    if (has_tz(t.tz)) s += ", tzinfo=" + repr(in, t.tz);
    return make_str(s + ")");
}
Value time_strftime(Interp& in, const CallArgs& a) {
    Time& t = self_time(a, "strftime");
    Value v[1];
    bind_args(a, 1, "strftime", "strftime", Sig::clinic, 1, 1, v, {"format"});
    return make_str(strftime(in, to_str(v[0], "strftime() argument 1"), 1900, 1, 1, t.hour, t.minute, t.second, t.us,
                             t.tz, Value::none()));
}
Value time_replace(Interp& in, const CallArgs& a) {
    Time& t = self_time(a, "replace");
    Value v[6];
    bind_args(a, 1, "replace", "replace", Sig::clinic, 0, 5, v, {"hour", "minute", "second", "microsecond", "tzinfo", "fold"});
    int64_t cur[4] = {t.hour, t.minute, t.second, t.us};
    for (int i = 0; i < 4; ++i)
        if (!v[i].is_undefined()) cur[i] = index_arg(in, v[i]);
    check_time(cur[0], cur[1], cur[2], cur[3]);
    return new_time(int(cur[0]), int(cur[1]), int(cur[2]), int(cur[3]), v[4].is_undefined() ? t.tz : v[4], t.type);
}
int64_t time_key(const Time& t) { return ((int64_t(t.hour) * 60 + t.minute) * 60 + t.second) * kUsPerSecond + t.us; }
template <ast::CmpOp Op>
Value time_cmp(Interp&, const CallArgs& a) {
    Time& t = self_time(a, "__eq__");
    if (!is(a[1], time_type())) return not_implemented();
    int64_t x = time_key(t), y = time_key(as<Time>(a[1]));
    int c = x < y ? -1 : x > y ? 1 : 0;
    switch (Op) {
        case ast::CmpOp::Eq: return Value::boolean(c == 0);
        case ast::CmpOp::NotEq: return Value::boolean(c != 0);
        case ast::CmpOp::Lt: return Value::boolean(c < 0);
        case ast::CmpOp::LtE: return Value::boolean(c <= 0);
        case ast::CmpOp::Gt: return Value::boolean(c > 0);
        default: return Value::boolean(c >= 0);
    }
}
Value time_hash(Interp&, const CallArgs& a) { return Value::integer(time_key(self_time(a, "__hash__"))); }

// ---- tzinfo / timezone -------------------------------------------------------------------------
Value tzinfo_fromutc(Interp& in, const CallArgs& a) {
    if (a.nargs != 2 || !is(a[1], datetime_type())) raise_type_error("fromutc: argument must be a datetime");
    DateTime& d = as<DateTime>(a[1]);
    int64_t off;
    if (!utcoffset_us(in, a[0], a[1], off)) raise_value_error("fromutc: non-None utcoffset() result required");
    return datetime_from_us(datetime_us(d) + off, d.tz, d.type);
}
Value tz_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(rest_of(a), 0, "timezone", "timezone", Sig::clinic, 1, 2, v, {"offset", "name"});
    if (!is(v[0], timedelta_type()))
        raise_type_error("timezone() argument 1 must be datetime.timedelta, not " + type_name(v[0]));
    if (!v[1].is_undefined() && !is_str(v[1])) raise_type_error("timezone() argument 2 must be str, not " + type_name(v[1]));
    int64_t off = int64_t(as<TimeDelta>(v[0]).total_us());
    if (off == 0 && v[1].is_undefined()) return utc();
    (void)in;
    return new_timezone(off, v[1]);
}
std::string tz_name_text(const TimeZone& z) {
    if (!z.name.is_undefined()) return z.name.as<Str>()->s;
    if (z.offset_us == 0) return "UTC";
    return "UTC" + offset_text(z.offset_us, ":");
}
Value tz_utcoffset(Interp&, const CallArgs& a) { return new_timedelta(self_tz(a, "utcoffset").offset_us); }
Value tz_tzname(Interp&, const CallArgs& a) { return make_str(tz_name_text(self_tz(a, "tzname"))); }
Value tz_dst(Interp&, const CallArgs& a) {
    self_tz(a, "dst");
    return Value::none();
}
Value tz_str(Interp&, const CallArgs& a) { return make_str(tz_name_text(self_tz(a, "__str__"))); }
Value tz_repr(Interp& in, const CallArgs& a) {
    TimeZone& z = self_tz(a, "__repr__");
    if (a[0].is(utc())) return make_str("datetime.timezone.utc");
    std::string s = "datetime.timezone(" + repr(in, new_timedelta(z.offset_us));
    if (!z.name.is_undefined()) s += ", " + repr(in, z.name);
    return make_str(s + ")");
}
Value tz_eq(Interp&, const CallArgs& a) {
    TimeZone& z = self_tz(a, "__eq__");
    if (!is(a[1], timezone_type())) return not_implemented();
    return Value::boolean(z.offset_us == as<TimeZone>(a[1]).offset_us);
}
Value tz_hash(Interp&, const CallArgs& a) { return Value::integer(self_tz(a, "__hash__").offset_us); }

}  // namespace

Type* time_type() {
    static Type* t = [] {
        Type* d = make_type("time", "datetime", Kind::opaque);
        d->heap = true;
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", time_new))));
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {
            {"isoformat", time_isoformat}, {"__str__", time_str}, {"__repr__", time_repr},
            {"strftime", time_strftime}, {"replace", time_replace}, {"__hash__", time_hash},
            {"__format__", date_type()->dict->get_str("__format__").as<NativeFunction>()->fn},
            {"__eq__", time_cmp<ast::CmpOp::Eq>}, {"__ne__", time_cmp<ast::CmpOp::NotEq>},
            {"__lt__", time_cmp<ast::CmpOp::Lt>}, {"__le__", time_cmp<ast::CmpOp::LtE>},
            {"__gt__", time_cmp<ast::CmpOp::Gt>}, {"__ge__", time_cmp<ast::CmpOp::GtE>},
        };
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        const struct {
            const char* name;
            NativeFn fn;
        } props[] = {{"hour", time_hour}, {"minute", time_minute}, {"second", time_second},
                     {"microsecond", time_microsecond}, {"tzinfo", time_tzinfo}, {"fold", zero}};
        for (const auto& p : props) d->add_attr(p.name, Value(new Property(make_native(p.name, p.fn), Value::none())));
        return d;
    }();
    return t;
}

Type* tzinfo_type() {
    static Type* t = [] {
        Type* d = make_type("tzinfo", "datetime", Kind::object);
        d->heap = true;
        d->add_method("fromutc", tzinfo_fromutc);
        return d;
    }();
    return t;
}

Type* timezone_type() {
    static Type* t = [] {
        Type* d = make_type("timezone", "datetime", Kind::opaque, tzinfo_type());
        d->heap = true;
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", tz_new))));
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {{"utcoffset", tz_utcoffset}, {"tzname", tz_tzname}, {"dst", tz_dst}, {"__str__", tz_str},
                       {"__repr__", tz_repr}, {"__eq__", tz_eq}, {"__hash__", tz_hash}};
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        return d;
    }();
    return t;
}

// ---- strptime (Lib/_strptime.py, C locale) ---------------------------------------------------
namespace {

const char* const kMonthsFull[] = {"january", "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december"};
const char* const kMonthsAbbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
const char* const kDaysFull[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const char* const kDaysAbbr[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Parsed {
    int64_t year = 1900, month = -1, day = -1, hour = 0, minute = 0, second = 0, us = 0, julian = -1;
    int64_t hour12 = -1;
    int ampm = -1;  // 0 am, 1 pm
    bool has_tz = false;
    int64_t tz_us = 0;
};

// Reads between min and max digits (regex \d{min,max}, greedy).
bool digits(const std::string& s, size_t& i, size_t min, size_t max, int64_t& out) {
    size_t j = i;
    int64_t v = 0;
    while (j < s.size() && j - i < max && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
    if (j - i < min) return false;
    out = v;
    i = j;
    return true;
}
// One of the names (case-insensitive), longest first as __seqToRE orders them.
bool name(const std::string& s, size_t& i, const char* const* names, int n, int64_t& index) {
    int best = -1;
    size_t best_len = 0;
    for (int k = 0; k < n; ++k) {
        size_t len = std::strlen(names[k]);
        if (len <= best_len || i + len > s.size()) continue;
        bool ok = true;
        for (size_t c = 0; c < len && ok; ++c) ok = std::tolower(static_cast<unsigned char>(s[i + c])) == names[k][c];
        if (ok) {
            best = k;
            best_len = len;
        }
    }
    if (best < 0) return false;
    index = best;
    i += best_len;
    return true;
}
// A bounded number such as %d's "3[01]|[12]\d|0[1-9]|[1-9]| [1-9]": two digits if they form
// a valid value, else one.
bool bounded(const std::string& s, size_t& i, int64_t lo, int64_t hi, int64_t& out, bool space_pad = false) {
    if (space_pad && i + 1 < s.size() && s[i] == ' ' && s[i + 1] >= '1' && s[i + 1] <= '9') {
        out = s[i + 1] - '0';
        i += 2;
        return true;
    }
    size_t j = i;
    int64_t v;
    if (digits(s, j, 2, 2, v) && v >= lo && v <= hi) {
        out = v;
        i = j;
        return true;
    }
    j = i;
    if (digits(s, j, 1, 1, v) && v >= lo && v <= hi) {
        out = v;
        i = j;
        return true;
    }
    return false;
}
bool parse_tz(const std::string& s, size_t& i, int64_t& out) {
    if (i < s.size() && s[i] == 'Z') {
        ++i;
        out = 0;
        return true;
    }
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
    int sign = s[i] == '-' ? -1 : 1;
    size_t j = i + 1;
    int64_t hh, mm, ss = 0, us = 0;
    if (!digits(s, j, 2, 2, hh)) return false;
    bool colon = j < s.size() && s[j] == ':';
    if (colon) ++j;
    if (!digits(s, j, 2, 2, mm) || mm > 59) return false;
    size_t k = j;
    if (colon ? (k < s.size() && s[k] == ':') : true) {
        if (colon) ++k;
        if (digits(s, k, 2, 2, ss) && ss <= 59) {
            j = k;
            if (j < s.size() && s[j] == '.') {
                size_t f = j + 1;
                int64_t frac;
                size_t start = f;
                if (digits(s, f, 1, 6, frac)) {
                    for (size_t n = f - start; n < 6; ++n) frac *= 10;
                    us = frac;
                    j = f;
                }
            }
        } else {
            ss = 0;
        }
    }
    out = sign * (((hh * 60 + mm) * 60 + ss) * kUsPerSecond + us);
    i = j;
    return true;
}

}  // namespace

Value dt_strptime(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 1, "strptime", "strptime", Sig::checkpos, 2, 2, v);
    if (!is_str(v[0])) raise_type_error("strptime() argument 1 must be str, not " + type_name(v[0]));
    if (!is_str(v[1])) raise_type_error("strptime() argument 2 must be str, not " + type_name(v[1]));
    const std::string& s = v[0].as<Str>()->s;
    const std::string& fmt = v[1].as<Str>()->s;
    // The format is checked first, as compiling _strptime's regex does.
    for (size_t k = 0; k < fmt.size(); ++k) {
        if (fmt[k] != '%') continue;
        if (k + 1 >= fmt.size()) raise_value_error("stray % in format '" + fmt + "'");
        char c = fmt[++k];
        if (!std::strchr("aAbBcdfHIjmMpSUwWxXyYzZ%", c) || c == 0)
            raise_value_error(std::string("'") + c + "' is a bad directive in format '" + fmt + "'");
    }
    auto mismatch = [&]() { raise_value_error("time data " + str_repr(s) + " does not match format " + str_repr(fmt)); };
    Parsed p;
    size_t i = 0;
    for (size_t k = 0; k < fmt.size(); ++k) {
        char f = fmt[k];
        if (std::isspace(static_cast<unsigned char>(f))) {
            while (k + 1 < fmt.size() && std::isspace(static_cast<unsigned char>(fmt[k + 1]))) ++k;
            if (i >= s.size() || !std::isspace(static_cast<unsigned char>(s[i]))) mismatch();
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            continue;
        }
        if (f != '%') {
            if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(f))) mismatch();
            ++i;
            continue;
        }
        char c = fmt[++k];
        int64_t x;
        bool ok = true;
        switch (c) {
            case 'Y': ok = digits(s, i, 4, 4, p.year); break;
            case 'y':
                ok = digits(s, i, 2, 2, x);
                p.year = x <= 68 ? 2000 + x : 1900 + x;
                break;
            case 'm': ok = bounded(s, i, 1, 12, p.month); break;
            case 'd': ok = bounded(s, i, 1, 31, p.day, true); break;
            case 'H': ok = bounded(s, i, 0, 23, p.hour); break;
            case 'I': ok = bounded(s, i, 1, 12, p.hour12); break;
            case 'M': ok = bounded(s, i, 0, 59, p.minute); break;
            case 'S': ok = bounded(s, i, 0, 61, p.second); break;
            case 'j': {
                size_t j = i;
                ok = digits(s, j, 1, 3, x) && x >= 1 && x <= 366;
                if (ok) {
                    p.julian = x;
                    i = j;
                }
                break;
            }
            case 'f': {
                size_t start = i;
                ok = digits(s, i, 1, 6, x);
                if (ok) {
                    for (size_t n = i - start; n < 6; ++n) x *= 10;
                    p.us = x;
                }
                break;
            }
            case 'b': ok = name(s, i, kMonthsAbbr, 12, x), p.month = x + 1; break;
            case 'B': ok = name(s, i, kMonthsFull, 12, x), p.month = x + 1; break;
            case 'a': ok = name(s, i, kDaysAbbr, 7, x); break;
            case 'A': ok = name(s, i, kDaysFull, 7, x); break;
            case 'p': {
                const char* const ampm[] = {"am", "pm"};
                ok = name(s, i, ampm, 2, x);
                p.ampm = int(x);
                break;
            }
            case 'z':
                ok = parse_tz(s, i, p.tz_us);
                p.has_tz = ok;
                break;
            case 'Z': {
                const char* const zones[] = {"utc", "gmt"};
                ok = name(s, i, zones, 2, x);
                break;
            }
            case '%': ok = i < s.size() && s[i] == '%', ++i; break;
            default: raise(exc_types().NotImplementedError, std::string("LoopLab's strptime does not support %") + c);
        }
        if (!ok) mismatch();
    }
    if (i < s.size()) raise_value_error("unconverted data remains: " + s.substr(i));
    if (p.hour12 >= 0) {
        p.hour = p.hour12;
        if (p.ampm == 1) {
            if (p.hour != 12) p.hour += 12;
        } else if (p.hour == 12) {
            p.hour = 0;
        }
    }
    if (p.julian >= 0 && p.month < 0 && p.day < 0) {
        int y, m, d;
        ord_to_ymd(ymd_to_ord(int(p.year), 1, 1) + p.julian - 1, y, m, d);
        p.month = m;
        p.day = d;
    }
    if (p.month < 0) p.month = 1;
    if (p.day < 0) p.day = 1;
    check_date(p.year, p.month, p.day);
    Value tz = p.has_tz ? (p.tz_us == 0 ? utc() : new_timezone(p.tz_us, Value())) : Value();
    (void)in;
    return new_datetime(int(p.year), int(p.month), int(p.day), int(p.hour), int(p.minute), int(p.second), int(p.us), tz,
                        a[0].as<Type>());
}

// ---- fromisoformat (3.11: YYYY-MM-DD[*HH[:MM[:SS[.fff[fff]]]][+HH:MM[:SS]]]) -----------------
Value dt_fromisoformat(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "fromisoformat", "fromisoformat", Sig::checkpos, 1, 1, v);
    if (!is_str(v[0])) raise_type_error("fromisoformat: argument must be str");
    const std::string& s = v[0].as<Str>()->s;
    auto bad = [&]() { raise_value_error("Invalid isoformat string: " + str_repr(s)); };
    size_t i = 0;
    int64_t y, mo, d, h = 0, mi = 0, sec = 0, us = 0, tz_us = 0;
    bool has_tz = false;
    if (!digits(s, i, 4, 4, y)) bad();
    bool ext = i < s.size() && s[i] == '-';
    if (ext) ++i;
    if (!digits(s, i, 2, 2, mo)) bad();
    if (ext && (i >= s.size() || s[i++] != '-')) bad();
    if (!digits(s, i, 2, 2, d)) bad();
    if (i < s.size()) {
        ++i;  // any separator character
        if (!digits(s, i, 2, 2, h)) bad();
        bool colon = i < s.size() && s[i] == ':';
        if (i < s.size() && (colon || std::isdigit(static_cast<unsigned char>(s[i])))) {
            if (colon) ++i;
            if (!digits(s, i, 2, 2, mi)) bad();
            if (i < s.size() && (s[i] == ':' || std::isdigit(static_cast<unsigned char>(s[i])))) {
                if (s[i] == ':') ++i;
                if (!digits(s, i, 2, 2, sec)) bad();
                if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
                    size_t start = ++i;
                    int64_t frac = 0;
                    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
                        if (i - start < 6) frac = frac * 10 + (s[i] - '0');
                        ++i;
                    }
                    if (i == start) bad();
                    for (size_t n = std::min<size_t>(i - start, 6); n < 6; ++n) frac *= 10;
                    us = frac;
                }
            }
        }
        if (i < s.size()) {
            if (!parse_tz(s, i, tz_us) || i != s.size()) bad();
            has_tz = true;
        }
    }
    check_date(y, mo, d);
    check_time(h, mi, sec, us);
    Value tz = has_tz ? (tz_us == 0 ? utc() : new_timezone(tz_us, Value())) : Value();
    (void)in;
    return new_datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec), int(us), tz, a[0].as<Type>());
}
}  // namespace looplab::py::stdlib::dt
