// The `datetime` module (CPython Modules/_datetimemodule.c), part 2: the datetime class,
// the tz-aware arithmetic and strftime. Local time is UTC, as under the
// reference runner (TZ=UTC).
#include <cmath>
#include <cstring>
#include <ctime>

#include "looplab/py/unicode_text.hpp"
#include "looplab/runtime.hpp"
#include "module_datetime.hpp"
#include "native_args.hpp"

namespace looplab::py::stdlib::dt {

namespace {

using argbind::bind_args;
using argbind::index_arg;
using argbind::Sig;

DateTime& self_dt(const CallArgs& a, const char* m) { return *static_cast<DateTime*>(self_of(a, datetime_type(), m)); }
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

}  // namespace

// ---- construction ---------------------------------------------------------------------------
Value new_datetime(int y, int mo, int d, int h, int mi, int s, int us, Value tz, Type* t) {
    auto* o = new DateTime(t ? t : datetime_type());
    Value v(o);
    o->year = y;
    o->month = mo;
    o->day = d;
    o->hour = h;
    o->minute = mi;
    o->second = s;
    o->us = us;
    o->tz = has_tz(tz) ? tz : Value();
    return v;
}
Value new_time(int h, int mi, int s, int us, Value tz, Type* t) {
    auto* o = new Time(t ? t : time_type());
    Value v(o);
    o->hour = h;
    o->minute = mi;
    o->second = s;
    o->us = us;
    o->tz = has_tz(tz) ? tz : Value();
    return v;
}
__int128 datetime_us(const DateTime& d) {
    return (__int128)(ymd_to_ord(d.year, d.month, d.day) - 1) * kUsPerDay +
           (__int128)((d.hour * 60 + d.minute) * 60 + d.second) * kUsPerSecond + d.us;
}
Value datetime_from_us(__int128 us, const Value& tz, Type* t) {
    __int128 days = us / kUsPerDay, rest = us % kUsPerDay;
    if (rest < 0) {
        rest += kUsPerDay;
        --days;
    }
    if (days < 0 || days >= kMaxOrdinal) raise(exc_types().OverflowError, "date value out of range");
    int y, mo, d;
    ord_to_ymd(int64_t(days) + 1, y, mo, d);
    int64_t secs = int64_t(rest / kUsPerSecond);
    return new_datetime(y, mo, d, int(secs / 3600), int(secs / 60 % 60), int(secs % 60), int(rest % kUsPerSecond), tz, t);
}

Value new_timezone(int64_t offset_us, Value name) {
    if (offset_us <= -kUsPerDay || offset_us >= kUsPerDay)
        raise_value_error("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
    auto* z = new TimeZone(timezone_type());
    Value v(z);
    z->offset_us = offset_us;
    z->name = name;
    return v;
}
Value utc() {
    static Value u = new_timezone(0, Value());
    return u;
}

bool utcoffset_us(Interp& in, const Value& tz, const Value& dt, int64_t& out) {
    if (!has_tz(tz)) return false;
    if (is(tz, timezone_type())) {
        out = as<TimeZone>(tz).offset_us;
        return true;
    }
    Value off = call(in, getattr(in, tz, intern("utcoffset")), std::vector<Value>{dt});
    if (off.is_none()) return false;
    if (!is(off, timedelta_type()))
        raise_type_error("tzinfo.utcoffset() must return None or timedelta, not '" + type_name(off) + "'");
    out = int64_t(as<TimeDelta>(off).total_us());
    return true;
}

// ---- text -------------------------------------------------------------------------------------
std::string offset_text(int64_t off, const char* sep) {
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    int64_t us = off % kUsPerSecond, secs = off / kUsPerSecond;
    int64_t hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;
    char buf[64];
    if (us) std::snprintf(buf, sizeof buf, "%c%02lld%s%02lld%s%02lld.%06lld", sign, (long long)hh, sep, (long long)mm, sep, (long long)ss, (long long)us);
    else if (ss) std::snprintf(buf, sizeof buf, "%c%02lld%s%02lld%s%02lld", sign, (long long)hh, sep, (long long)mm, sep, (long long)ss);
    else std::snprintf(buf, sizeof buf, "%c%02lld%s%02lld", sign, (long long)hh, sep, (long long)mm);
    return buf;
}

std::string time_iso(int h, int mi, int s, int us, const std::string& timespec) {
    char buf[64];
    if (timespec == "auto") {
        if (us) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", h, mi, s, us);
        else std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, s);
    } else if (timespec == "hours") std::snprintf(buf, sizeof buf, "%02d", h);
    else if (timespec == "minutes") std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
    else if (timespec == "seconds") std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, s);
    else if (timespec == "milliseconds") std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", h, mi, s, us / 1000);
    else if (timespec == "microseconds") std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", h, mi, s, us);
    else raise_value_error("Unknown timespec value");
    return buf;
}

namespace {
std::string tzname_of(Interp& in, const Value& tz, const Value& self) {
    if (!has_tz(tz)) return "";
    Value n = call(in, getattr(in, tz, intern("tzname")), std::vector<Value>{self});
    return n.is_none() ? "" : to_str(n, "tzname");
}
}  // namespace

// wrap_strftime: %f, %z and %Z here, then the C library's strftime for the rest.
std::string strftime(Interp& in, const std::string& fmt, int y, int mo, int d, int h, int mi, int s, int us,
                     const Value& tz, const Value& self) {
    std::string f;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%' || i + 1 >= fmt.size()) {
            f += fmt[i];
            continue;
        }
        char c = fmt[++i];
        if (c == 'f') {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%06d", us);
            f += buf;
        } else if (c == 'z') {
            int64_t off;
            if (utcoffset_us(in, tz, self, off)) f += offset_text(off, "");
        } else if (c == 'Z') {
            for (char ch : tzname_of(in, tz, self)) f += ch == '%' ? std::string("%%") : std::string(1, ch);
        } else {
            f += '%';
            f += c;
        }
    }
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_wday = (weekday(y, mo, d) + 1) % 7;
    tm.tm_yday = int(ymd_to_ord(y, mo, d) - ymd_to_ord(y, 1, 1));
    tm.tm_isdst = -1;
    if (f.empty()) return "";
    std::vector<char> buf(256 + f.size() * 4);
    for (;;) {
        size_t n = std::strftime(buf.data(), buf.size(), f.c_str(), &tm);
        if (n > 0 || buf.size() > 64 * f.size() + 4096) return std::string(buf.data(), n);
        buf.resize(buf.size() * 2);
    }
}

namespace {

// ---- datetime -------------------------------------------------------------------------------
Value dt_new(Interp& in, const CallArgs& a) {
    Value v[9];
    bind_args(rest_of(a), 0, "datetime", "datetime", Sig::clinic, 3, 8, v,
              {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"});
    int64_t f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 7; ++i) f[i] = v[i].is_undefined() ? 0 : index_arg(in, v[i]);
    check_date(f[0], f[1], f[2]);
    check_time(f[3], f[4], f[5], f[6]);
    check_tzinfo(v[7]);
    return new_datetime(int(f[0]), int(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]), int(f[6]), v[7],
                        a[0].as<Type>());
}

Value fromutc(Interp& in, const Value& tz, const Value& dt) {
    return call(in, getattr(in, tz, intern("fromutc")), std::vector<Value>{dt});
}
// now(tz=None): datetime(2024, 1, 1) + timedelta(seconds=clock), as the runner's datetime.
Value dt_now(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "now", "now", Sig::clinic, 0, 1, v, {"tz"});
    check_tzinfo(v[0]);
    Value clock = Value::floating(in.runtime().clock());
    Value args[7] = {{}, clock};
    Value delta = timedelta_from(in, args);
    __int128 us = (__int128)(ymd_to_ord(2024, 1, 1) - 1) * kUsPerDay + as<TimeDelta>(delta).total_us();
    Type* cls = a[0].as<Type>();
    if (!has_tz(v[0])) return datetime_from_us(us, Value(), cls);
    return fromutc(in, v[0], datetime_from_us(us, v[0], cls));
}
Value dt_utcnow(Interp& in, const CallArgs& a) {
    bind_args(a, 1, "utcnow", "utcnow", Sig::noargs, 0, 0, nullptr);
    CallArgs b = a;
    b.nargs = 1;
    return dt_now(in, b);
}
// fromtimestamp(t, tz=None): round-half-even microseconds (_PyTime_ROUND_HALF_EVEN).
Value dt_fromtimestamp(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 1, "fromtimestamp", "fromtimestamp", Sig::clinic, 1, 2, v, {"timestamp", "tz"});
    check_tzinfo(v[1]);
    __int128 us;
    if (v[0].is_intlike()) {
        us = (__int128)v[0].as_int() * kUsPerSecond;
    } else {
        double t = float_arg(in, v[0]);
        if (std::isnan(t)) raise_value_error("Invalid value NaN (not a number)");
        double ip;
        double frac = std::modf(t, &ip);
        double fus = std::nearbyint(frac * 1e6);  // round half to even (default FE_TONEAREST)
        us = (__int128)ip * kUsPerSecond + (__int128)fus;
    }
    us += (__int128)(ymd_to_ord(1970, 1, 1) - 1) * kUsPerDay;
    Type* cls = a[0].as<Type>();
    if (!has_tz(v[1])) return datetime_from_us(us, Value(), cls);
    return fromutc(in, v[1], datetime_from_us(us, v[1], cls));
}
Value dt_utcfromtimestamp(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "utcfromtimestamp", "utcfromtimestamp", Sig::checkpos, 1, 1, v);
    Value args[2] = {a[0], v[0]};
    CallArgs b;
    b.args = args;
    b.nargs = 2;
    return dt_fromtimestamp(in, b);
}
Value dt_combine(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 1, "combine", "combine", Sig::clinic, 2, 3, v, {"date", "time", "tzinfo"});
    if (!is(v[0], date_type())) raise_type_error("combine() argument 1 must be datetime.date, not " + type_name(v[0]));
    if (!is(v[1], time_type())) raise_type_error("combine() argument 2 must be datetime.time, not " + type_name(v[1]));
    Date& d = as<Date>(v[0]);
    Time& t = as<Time>(v[1]);
    Value tz = v[2].is_undefined() ? t.tz : v[2];
    (void)in;
    return new_datetime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.us, tz, a[0].as<Type>());
}

Value dt_hour(Interp&, const CallArgs& a) { return Value::integer(self_dt(a, "hour").hour); }
Value dt_minute(Interp&, const CallArgs& a) { return Value::integer(self_dt(a, "minute").minute); }
Value dt_second(Interp&, const CallArgs& a) { return Value::integer(self_dt(a, "second").second); }
Value dt_microsecond(Interp&, const CallArgs& a) { return Value::integer(self_dt(a, "microsecond").us); }
Value dt_tzinfo(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "tzinfo");
    return has_tz(d.tz) ? d.tz : Value::none();
}
Value zero(Interp&, const CallArgs&) { return Value::integer(0); }

// tp_name for messages: CPython's "datetime.date"; datetime.datetime is the reference
// runner's Python subclass there, named just "datetime"; user subclasses by their name.
std::string tp_name(const Type* t) {
    if (t == datetime_type()) return "datetime";
    if (t->module == "datetime" && !t->dict->get_str("__new__").is_undefined()) return "datetime." + t->name;
    return t->name;
}

std::string dt_iso(Interp& in, const DateTime& d, const Value& self, const std::string& sep, const std::string& timespec) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    std::string s = buf + sep + time_iso(d.hour, d.minute, d.second, d.us, timespec);
    int64_t off;
    if (utcoffset_us(in, d.tz, self, off)) s += offset_text(off, ":");
    return s;
}
Value dt_isoformat(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "isoformat");
    Value v[2];
    bind_args(a, 1, "isoformat", "isoformat", Sig::clinic, 0, 2, v, {"sep", "timespec"});
    std::string sep = v[0].is_undefined() ? "T" : to_str(v[0], "isoformat() argument 1");
    std::string spec = v[1].is_undefined() ? "auto" : to_str(v[1], "isoformat() argument 2");
    return make_str(dt_iso(in, d, a[0], sep, spec));
}
Value dt_str(Interp& in, const CallArgs& a) { return make_str(dt_iso(in, self_dt(a, "__str__"), a[0], " ", "auto")); }
Value dt_repr(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "__repr__");
    std::string s = (d.type == datetime_type() ? "datetime.datetime" : qualname_of(d.type)) + "(" +
                    std::to_string(d.year) + ", " + std::to_string(d.month) + ", " + std::to_string(d.day) + ", " +
                    std::to_string(d.hour) + ", " + std::to_string(d.minute);
    if (d.us) s += ", " + std::to_string(d.second) + ", " + std::to_string(d.us);
    else if (d.second) s += ", " + std::to_string(d.second);
    if (has_tz(d.tz)) s += ", tzinfo=" + repr(in, d.tz);
    return make_str(s + ")");
}
Value dt_strftime(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "strftime");
    Value v[1];
    bind_args(a, 1, "strftime", "strftime", Sig::clinic, 1, 1, v, {"format"});
    return make_str(strftime(in, to_str(v[0], "strftime() argument 1"), d.year, d.month, d.day, d.hour, d.minute,
                             d.second, d.us, d.tz, a[0]));
}
Value dt_ctime(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "ctime");
    return make_str(strftime(in, "%a %b %e %H:%M:%S %Y", d.year, d.month, d.day, d.hour, d.minute, d.second, 0,
                             Value(), a[0]));
}
Value dt_date(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "date");
    return new_date(d.year, d.month, d.day);
}
Value dt_time(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "time");
    return new_time(d.hour, d.minute, d.second, d.us, Value());
}
Value dt_timetz(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "timetz");
    return new_time(d.hour, d.minute, d.second, d.us, d.tz);
}
Value dt_replace(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "replace");
    Value v[9];
    bind_args(a, 1, "replace", "replace", Sig::clinic, 0, 8, v,
              {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"});
    int64_t cur[7] = {d.year, d.month, d.day, d.hour, d.minute, d.second, d.us};
    for (int i = 0; i < 7; ++i)
        if (!v[i].is_undefined()) cur[i] = index_arg(in, v[i]);
    check_date(cur[0], cur[1], cur[2]);
    check_time(cur[3], cur[4], cur[5], cur[6]);
    Value tz = v[7].is_undefined() ? d.tz : v[7];
    check_tzinfo(tz);
    return new_datetime(int(cur[0]), int(cur[1]), int(cur[2]), int(cur[3]), int(cur[4]), int(cur[5]), int(cur[6]), tz,
                        d.type);
}
Value dt_utcoffset(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "utcoffset");
    int64_t off;
    if (!utcoffset_us(in, d.tz, a[0], off)) return Value::none();
    return new_timedelta(off);
}
Value dt_tzname(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "tzname");
    if (!has_tz(d.tz)) return Value::none();
    return call(in, getattr(in, d.tz, intern("tzname")), std::vector<Value>{a[0]});
}
Value dt_dst(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "dst");
    if (!has_tz(d.tz)) return Value::none();
    return call(in, getattr(in, d.tz, intern("dst")), std::vector<Value>{a[0]});
}
// Microseconds since 0001-01-01 in UTC; naive datetimes are local time, which is UTC.
__int128 utc_us(Interp& in, const DateTime& d, const Value& self) {
    int64_t off = 0;
    utcoffset_us(in, d.tz, self, off);
    return datetime_us(d) - off;
}
Value dt_timestamp(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "timestamp");
    __int128 us = utc_us(in, d, a[0]) - (__int128)(ymd_to_ord(1970, 1, 1) - 1) * kUsPerDay;
    return Value::floating(double((long double)us / 1e6L));
}
Value dt_astimezone(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "astimezone");
    Value v[1];
    bind_args(a, 1, "astimezone", "astimezone", Sig::clinic, 0, 1, v, {"tz"});
    Value tz = (v[0].is_undefined() || v[0].is_none()) ? new_timezone(0, make_str("UTC")) : v[0];
    check_tzinfo(tz);
    __int128 us = utc_us(in, d, a[0]);
    return fromutc(in, tz, datetime_from_us(us, tz, d.type));
}
Value dt_timetuple(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "timetuple");
    int64_t f[9] = {d.year, d.month, d.day, d.hour, d.minute, d.second, weekday(d.year, d.month, d.day),
                    ymd_to_ord(d.year, d.month, d.day) - ymd_to_ord(d.year, 1, 1) + 1, -1};
    return make_time_tuple(f, "UTC");
}
Value dt_add(Interp&, const CallArgs& a) {
    DateTime& d = self_dt(a, "__add__");
    if (!is(a[1], timedelta_type())) return not_implemented();
    return datetime_from_us(datetime_us(d) + as<TimeDelta>(a[1]).total_us(), d.tz, d.type);
}
Value dt_sub(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "__sub__");
    if (is(a[1], timedelta_type())) return datetime_from_us(datetime_us(d) - as<TimeDelta>(a[1]).total_us(), d.tz, d.type);
    if (!is(a[1], datetime_type())) return not_implemented();
    DateTime& o = as<DateTime>(a[1]);
    if (has_tz(d.tz) != has_tz(o.tz)) raise_type_error("can't subtract offset-naive and offset-aware datetimes");
    if (d.tz.is(o.tz)) return new_timedelta(datetime_us(d) - datetime_us(o));
    return new_timedelta(utc_us(in, d, a[0]) - utc_us(in, o, a[1]));
}
template <ast::CmpOp Op>
Value dt_cmp(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "__eq__");
    bool equality = Op == ast::CmpOp::Eq || Op == ast::CmpOp::NotEq;
    if (!is(a[1], datetime_type())) {
        if (!is(a[1], date_type())) return not_implemented();
        if (equality) return Value::boolean(Op == ast::CmpOp::NotEq);
        raise_type_error("can't compare " + tp_name(d.type) + " to " + tp_name(a[1].type()));
    }
    DateTime& o = as<DateTime>(a[1]);
    __int128 x, y;
    if (d.tz.is(o.tz)) {
        x = datetime_us(d);
        y = datetime_us(o);
    } else {
        int64_t off1, off2;
        bool aware1 = utcoffset_us(in, d.tz, a[0], off1), aware2 = utcoffset_us(in, o.tz, a[1], off2);
        if (aware1 != aware2) {
            if (equality) return Value::boolean(Op == ast::CmpOp::NotEq);
            raise_type_error("can't compare offset-naive and offset-aware datetimes");
        }
        x = datetime_us(d) - (aware1 ? off1 : 0);
        y = datetime_us(o) - (aware2 ? off2 : 0);
    }
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
Value dt_hash(Interp& in, const CallArgs& a) {
    DateTime& d = self_dt(a, "__hash__");
    __int128 us = utc_us(in, d, a[0]);
    return Value::integer(int64_t(us % ((__int128)1 << 61)));
}

}  // namespace

Type* datetime_type() {
    static Type* t = [] {
        Type* d = make_type("datetime", "datetime", Kind::opaque, date_type());
        d->heap = true;
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", dt_new))));
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {
            {"isoformat", dt_isoformat}, {"__str__", dt_str}, {"__repr__", dt_repr}, {"strftime", dt_strftime},
            {"ctime", dt_ctime}, {"date", dt_date}, {"time", dt_time}, {"timetz", dt_timetz},
            {"replace", dt_replace}, {"utcoffset", dt_utcoffset}, {"tzname", dt_tzname}, {"dst", dt_dst},
            {"timestamp", dt_timestamp}, {"astimezone", dt_astimezone}, {"timetuple", dt_timetuple},
            {"__add__", dt_add}, {"__radd__", dt_add}, {"__sub__", dt_sub}, {"__hash__", dt_hash},
            {"__eq__", dt_cmp<ast::CmpOp::Eq>}, {"__ne__", dt_cmp<ast::CmpOp::NotEq>},
            {"__lt__", dt_cmp<ast::CmpOp::Lt>}, {"__le__", dt_cmp<ast::CmpOp::LtE>},
            {"__gt__", dt_cmp<ast::CmpOp::Gt>}, {"__ge__", dt_cmp<ast::CmpOp::GtE>},
        };
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        const struct {
            const char* name;
            NativeFn fn;
        } classmethods[] = {{"now", dt_now}, {"today", dt_utcnow}, {"utcnow", dt_utcnow},
                            {"fromtimestamp", dt_fromtimestamp}, {"utcfromtimestamp", dt_utcfromtimestamp},
                            {"combine", dt_combine}, {"strptime", dt_strptime}, {"fromisoformat", dt_fromisoformat}};
        for (const auto& m : classmethods) d->add_attr(m.name, Value(new ClassMethod(make_native(m.name, m.fn))));
        const struct {
            const char* name;
            NativeFn fn;
        } props[] = {{"hour", dt_hour}, {"minute", dt_minute}, {"second", dt_second},
                     {"microsecond", dt_microsecond}, {"tzinfo", dt_tzinfo}, {"fold", zero}};
        for (const auto& p : props) d->add_attr(p.name, Value(new Property(make_native(p.name, p.fn), Value::none())));
        return d;
    }();
    return t;
}

void install_datetime_types(Interp& in, Module& m) {
    (void)in;
    Dict& d = *m.dict;
    d.set_str("datetime", Value(datetime_type()));
    d.set_str("time", Value(time_type()));
    d.set_str("tzinfo", Value(tzinfo_type()));
    d.set_str("timezone", Value(timezone_type()));
    if (timezone_type()->dict->get_str("utc").is_undefined()) {
        timezone_type()->add_attr("utc", utc());
        d.set_str("UTC", utc());
        datetime_type()->add_attr("min", new_datetime(1, 1, 1, 0, 0, 0, 0, Value()));
        datetime_type()->add_attr("max", new_datetime(9999, 12, 31, 23, 59, 59, 999999, Value()));
        datetime_type()->add_attr("resolution", new_timedelta(1));
        time_type()->add_attr("min", new_time(0, 0, 0, 0, Value()));
        time_type()->add_attr("max", new_time(23, 59, 59, 999999, Value()));
    }
    d.set_str("UTC", utc());
}

}  // namespace looplab::py::stdlib::dt
