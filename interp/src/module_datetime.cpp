// The `datetime` module (CPython Modules/_datetimemodule.c), part 1: the calendar
// arithmetic, timedelta and date, and the module. datetime, time and timezone are in
// module_datetime_time.cpp. "Now" is the virtual clock (SPEC 4): datetime.now() ==
// datetime(2024, 1, 1) + timedelta(seconds=clock), as tools/looplab_cpython patches it.
#include <cmath>

#include "looplab/py/float_format.hpp"
#include "looplab/py/unicode_text.hpp"
#include "looplab/runtime.hpp"
#include "module_datetime.hpp"
#include "native_args.hpp"

namespace looplab::py::stdlib::dt {

namespace {
const int kDaysBeforeMonth[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
const int kDaysInMonth[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
int64_t days_before_year(int64_t year) {
    int64_t y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}
}  // namespace

bool is_leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }
int days_in_month(int year, int month) { return month == 2 && is_leap(year) ? 29 : kDaysInMonth[month]; }
int64_t ymd_to_ord(int year, int month, int day) {
    return days_before_year(year) + kDaysBeforeMonth[month] + (month > 2 && is_leap(year)) + day;
}
void ord_to_ymd(int64_t ordinal, int& year, int& month, int& day) {
    --ordinal;
    int64_t n400 = ordinal / 146097, n = ordinal % 146097;
    year = int(n400 * 400 + 1);
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    year += int(n100 * 100 + n4 * 4 + n1);
    if (n1 == 4 || n100 == 4) {
        year -= 1;
        month = 12;
        day = 31;
        return;
    }
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    month = int((n + 50) >> 5);
    int64_t preceding = kDaysBeforeMonth[month] + (month > 2 && leap);
    if (preceding > n) {
        month -= 1;
        preceding -= days_in_month(year, month);
    }
    day = int(n - preceding + 1);
}
int weekday(int year, int month, int day) { return int((ymd_to_ord(year, month, day) + 6) % 7); }

void check_date(int64_t year, int64_t month, int64_t day) {
    if (year < 1 || year > 9999) raise_value_error("year " + std::to_string(year) + " is out of range");
    if (month < 1 || month > 12) raise_value_error("month must be in 1..12");
    if (day < 1 || day > days_in_month(int(year), int(month))) raise_value_error("day is out of range for month");
}
void check_time(int64_t hour, int64_t minute, int64_t second, int64_t us) {
    if (hour < 0 || hour > 23) raise_value_error("hour must be in 0..23");
    if (minute < 0 || minute > 59) raise_value_error("minute must be in 0..59");
    if (second < 0 || second > 59) raise_value_error("second must be in 0..59");
    if (us < 0 || us > 999999) raise_value_error("microsecond must be in 0..999999");
}

std::string two(int v) {
    char b[16];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

namespace {

__int128 floordiv(__int128 a, __int128 b) {
    __int128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
// a / b rounded half to even (divide_nearest).
__int128 divide_nearest(__int128 a, __int128 b) {
    if (b < 0) {
        a = -a;
        b = -b;
    }
    __int128 q = floordiv(a, b), r = a - q * b;
    if (2 * r > b || (2 * r == b && (q & 1))) ++q;
    return q;
}
std::string int128_text(__int128 v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
    std::string s;
    for (; u; u /= 10) s.insert(s.begin(), char('0' + int(u % 10)));
    return neg ? "-" + s : s;
}

}  // namespace

// ---- timedelta ---------------------------------------------------------------------------
Value new_timedelta(__int128 total, Type* t) {
    __int128 days = floordiv(total, kUsPerDay);
    if (days > 999999999 || days < -999999999)
        raise(exc_types().OverflowError, "days=" + int128_text(days) + "; must have magnitude <= 999999999");
    __int128 rest = total - days * kUsPerDay;
    auto* d = new TimeDelta(t ? t : timedelta_type());
    Value v(d);
    d->days = int64_t(days);
    d->seconds = int64_t(rest / kUsPerSecond);
    d->us = int64_t(rest % kUsPerSecond);
    return v;
}

namespace {

// delta_new's accum(): whole parts exactly, float fractions carried as leftover microseconds.
__int128 accum(Interp&, const Value& num, int64_t factor, double& leftover, const char* what) {
    if (num.is_intlike()) return (__int128)num.as_int() * factor;
    if (num.is_float()) {
        double d = num.as_float();
        if (!std::isfinite(d)) raise(exc_types().OverflowError, std::isnan(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
        double ip;
        double frac = std::modf(d, &ip);
        if (std::fabs(ip) > 1e20) raise(exc_types().OverflowError, "Python int too large to convert to C int");
        __int128 sum = (__int128)ip * factor;
        if (frac == 0.0) return sum;
        double dnum = double(factor) * frac;
        frac = std::modf(dnum, &ip);
        leftover += frac;
        return sum + (__int128)ip;
    }
    raise_type_error(std::string("unsupported type for timedelta ") + what + " component: " + type_name(num));
}

}  // namespace

Value timedelta_from(Interp& in, const Value* v) {
    // Positional order: days, seconds, microseconds, milliseconds, minutes, hours, weeks;
    // accumulated in delta_new's order: us, ms, seconds, minutes, hours, days, weeks.
    static const int order[] = {2, 3, 1, 4, 5, 0, 6};
    static const int64_t factors[] = {kUsPerDay, kUsPerSecond, 1, 1000, 60 * kUsPerSecond, 3600 * kUsPerSecond,
                                      7 * kUsPerDay};
    static const char* const names[] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    __int128 x = 0;
    double leftover = 0;
    for (int i : order)
        if (!v[i].is_undefined()) x += accum(in, v[i], factors[i], leftover, names[i]);
    if (leftover != 0) {
        double whole = std::round(leftover);
        if (std::fabs(whole - leftover) == 0.5) {
            int odd = int(x & 1);
            whole = 2.0 * std::round((leftover + odd) * 0.5) - odd;
        }
        x += (__int128)whole;
    }
    return new_timedelta(x);
}

namespace {

using argbind::bind_args;
using argbind::Sig;

TimeDelta& self_td(const CallArgs& a) { return *static_cast<TimeDelta*>(self_of(a, timedelta_type(), "timedelta")); }

Value td_new(Interp& in, const CallArgs& a) {
    Value v[7];
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    bind_args(rest, 0, "timedelta", "timedelta", Sig::clinic, 0, 7, v,
              {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"});
    Value r = timedelta_from(in, v);
    retype(r.obj(), a[0].as<Type>());
    return r;
}
Value td_days(Interp&, const CallArgs& a) { return Value::integer(self_td(a).days); }
Value td_seconds(Interp&, const CallArgs& a) { return Value::integer(self_td(a).seconds); }
Value td_microseconds(Interp&, const CallArgs& a) { return Value::integer(self_td(a).us); }
Value td_total_seconds(Interp&, const CallArgs& a) {
    __int128 t = self_td(a).total_us();
    return Value::floating(double((long double)t / 1e6L));
}

Value td_repr(Interp&, const CallArgs& a) {
    TimeDelta& t = self_td(a);
    std::string name = t.type == timedelta_type() ? "datetime.timedelta" : qualname_of(t.type);
    std::string args;
    auto add = [&](const char* n, int64_t v) {
        if (!v) return;
        args += std::string(args.empty() ? "" : ", ") + n + "=" + std::to_string(v);
    };
    add("days", t.days);
    add("seconds", t.seconds);
    add("microseconds", t.us);
    return make_str(name + "(" + (args.empty() ? "0" : args) + ")");
}
Value td_str(Interp&, const CallArgs& a) { return make_str(timedelta_str(self_td(a))); }

bool is_td(const Value& v) { return is(v, timedelta_type()); }

Value td_add(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    return new_timedelta(self_td(a).total_us() + as<TimeDelta>(a[1]).total_us());
}
Value td_sub(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    return new_timedelta(self_td(a).total_us() - as<TimeDelta>(a[1]).total_us());
}
Value td_rsub(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    return new_timedelta(as<TimeDelta>(a[1]).total_us() - self_td(a).total_us());
}
// td * float: the exact product rounded half to even (multiply_truedivide_timedelta_float).
__int128 scale(__int128 total, double x, bool divide) {
    if (!std::isfinite(x)) raise(exc_types().OverflowError, "cannot convert float infinity to integer");
    if (divide && x == 0) raise(exc_types().ZeroDivisionError, "division by zero");
    int e;
    double m = std::frexp(x, &e);
    __int128 mant = (__int128)std::ldexp(m, 53);
    e -= 53;  // x == mant * 2**e
    __int128 num = divide ? total : total * mant, den = divide ? mant : 1;
    if ((e >= 0) != divide) {
        int sh = std::abs(e);
        if (sh > 60) raise(exc_types().OverflowError, "date value out of range");
        num <<= sh;
    } else {
        int sh = std::abs(e);
        if (sh > 120) return 0;
        den <<= sh;
    }
    return divide_nearest(num, den);
}
Value td_mul(Interp&, const CallArgs& a) {
    __int128 t = self_td(a).total_us();
    if (a[1].is_intlike()) return new_timedelta(t * a[1].as_int());
    if (a[1].is_float()) return new_timedelta(scale(t, a[1].as_float(), false));
    return not_implemented();
}
Value td_truediv(Interp&, const CallArgs& a) {
    __int128 t = self_td(a).total_us();
    if (is_td(a[1])) {
        __int128 o = as<TimeDelta>(a[1]).total_us();
        if (o == 0) raise(exc_types().ZeroDivisionError, "division by zero");
        return Value::floating(double((long double)t / (long double)o));
    }
    if (a[1].is_intlike()) {
        if (a[1].as_int() == 0) raise(exc_types().ZeroDivisionError, "division by zero");
        return new_timedelta(divide_nearest(t, a[1].as_int()));
    }
    if (a[1].is_float()) return new_timedelta(scale(t, a[1].as_float(), true));
    return not_implemented();
}
Value td_floordiv(Interp&, const CallArgs& a) {
    __int128 t = self_td(a).total_us();
    if (is_td(a[1])) {
        __int128 o = as<TimeDelta>(a[1]).total_us();
        if (o == 0) raise(exc_types().ZeroDivisionError, "integer division or modulo by zero");
        return Value::integer(int64_t(floordiv(t, o)));
    }
    if (a[1].is_intlike()) {
        if (a[1].as_int() == 0) raise(exc_types().ZeroDivisionError, "integer division or modulo by zero");
        return new_timedelta(floordiv(t, a[1].as_int()));
    }
    return not_implemented();
}
Value td_mod(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    __int128 t = self_td(a).total_us(), o = as<TimeDelta>(a[1]).total_us();
    if (o == 0) raise(exc_types().ZeroDivisionError, "integer division or modulo by zero");
    return new_timedelta(t - floordiv(t, o) * o);
}
Value td_divmod(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    __int128 t = self_td(a).total_us(), o = as<TimeDelta>(a[1]).total_us();
    if (o == 0) raise(exc_types().ZeroDivisionError, "integer division or modulo by zero");
    __int128 q = floordiv(t, o);
    return make_tuple({Value::integer(int64_t(q)), new_timedelta(t - q * o)});
}
Value td_neg(Interp&, const CallArgs& a) { return new_timedelta(-self_td(a).total_us()); }
Value td_pos(Interp&, const CallArgs& a) { return new_timedelta(self_td(a).total_us()); }
Value td_abs(Interp&, const CallArgs& a) {
    __int128 t = self_td(a).total_us();
    return new_timedelta(t < 0 ? -t : t);
}
Value td_bool(Interp&, const CallArgs& a) { return Value::boolean(self_td(a).total_us() != 0); }
Value td_hash(Interp& in, const CallArgs& a) {
    TimeDelta& t = self_td(a);
    return Value::integer(hash(in, make_tuple({Value::integer(t.days), Value::integer(t.seconds), Value::integer(t.us)})));
}
template <ast::CmpOp Op>
Value td_cmp(Interp&, const CallArgs& a) {
    if (!is_td(a[1])) return not_implemented();
    __int128 x = self_td(a).total_us(), y = as<TimeDelta>(a[1]).total_us();
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

}  // namespace

std::string timedelta_str(const TimeDelta& t) {
    int64_t mm = t.seconds / 60, ss = t.seconds % 60, hh = mm / 60;
    mm %= 60;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", (long long)hh, (long long)mm, (long long)ss);
    std::string s = buf;
    if (t.days) s = std::to_string(t.days) + " day" + (std::llabs(t.days) != 1 ? "s" : "") + ", " + s;
    if (t.us) {
        std::snprintf(buf, sizeof buf, ".%06lld", (long long)t.us);
        s += buf;
    }
    return s;
}

Type* timedelta_type() {
    static Type* t = [] {
        Type* d = make_type("timedelta", "datetime", Kind::opaque);
        d->heap = true;
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", td_new))));
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {
            {"total_seconds", td_total_seconds}, {"__repr__", td_repr}, {"__str__", td_str}, {"__add__", td_add},
            {"__radd__", td_add}, {"__sub__", td_sub}, {"__rsub__", td_rsub}, {"__mul__", td_mul},
            {"__rmul__", td_mul}, {"__truediv__", td_truediv}, {"__floordiv__", td_floordiv}, {"__mod__", td_mod},
            {"__divmod__", td_divmod}, {"__neg__", td_neg}, {"__pos__", td_pos}, {"__abs__", td_abs},
            {"__bool__", td_bool}, {"__hash__", td_hash},
            {"__eq__", td_cmp<ast::CmpOp::Eq>}, {"__ne__", td_cmp<ast::CmpOp::NotEq>},
            {"__lt__", td_cmp<ast::CmpOp::Lt>}, {"__le__", td_cmp<ast::CmpOp::LtE>},
            {"__gt__", td_cmp<ast::CmpOp::Gt>}, {"__ge__", td_cmp<ast::CmpOp::GtE>},
        };
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        d->add_attr("days", Value(new Property(make_native("days", td_days), Value::none())));
        d->add_attr("seconds", Value(new Property(make_native("seconds", td_seconds), Value::none())));
        d->add_attr("microseconds", Value(new Property(make_native("microseconds", td_microseconds), Value::none())));
        return d;
    }();
    return t;
}

// ---- date ---------------------------------------------------------------------------------
Value new_date(int year, int month, int day, Type* t) {
    auto* d = new Date(t ? t : date_type());
    Value v(d);
    d->year = year;
    d->month = month;
    d->day = day;
    return v;
}

namespace {

Date& self_date(const CallArgs& a, const char* m) { return *static_cast<Date*>(self_of(a, date_type(), m)); }
bool is_datetime(const Value& v) { return is(v, datetime_type()); }
bool is_plain_date(const Value& v) { return is(v, date_type()) && !is_datetime(v); }

Value date_new(Interp& in, const CallArgs& a) {
    Value v[3];
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    bind_args(rest, 0, "date", "date", Sig::clinic, 3, 3, v, {"year", "month", "day"});
    int64_t y = argbind::index_arg(in, v[0]), m = argbind::index_arg(in, v[1]), d = argbind::index_arg(in, v[2]);
    check_date(y, m, d);
    return new_date(int(y), int(m), int(d), a[0].as<Type>());
}
Value date_from_ordinal(int64_t ord, Type* t) {
    if (ord < 1 || ord > kMaxOrdinal) raise(exc_types().OverflowError, "date value out of range");
    int y, m, d;
    ord_to_ymd(ord, y, m, d);
    return new_date(y, m, d, t);
}
Value date_today(Interp& in, const CallArgs& a) {
    // date.today() == the date of datetime.now(): 2024-01-01 + the virtual clock.
    int64_t days = int64_t(std::floor(in.runtime().clock() / 86400.0));
    return date_from_ordinal(ymd_to_ord(2024, 1, 1) + days, a[0].as<Type>());
}
Value date_fromordinal(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "fromordinal", "fromordinal", Sig::checkpos, 1, 1, v);
    return date_from_ordinal(argbind::index_arg(in, v[0]), a[0].as<Type>());
}
Value date_fromtimestamp(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "fromtimestamp", "fromtimestamp", Sig::checkpos, 1, 1, v);
    double ts = float_arg(in, v[0]);
    return date_from_ordinal(ymd_to_ord(1970, 1, 1) + int64_t(std::floor(ts / 86400.0)), a[0].as<Type>());
}
Value date_fromisoformat(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "fromisoformat", "fromisoformat", Sig::checkpos, 1, 1, v);
    if (!is_str(v[0])) raise_type_error("fromisoformat: argument must be str");
    const std::string& s = v[0].as<Str>()->s;
    int y, m, d;
    char tail;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' || s[7] != '-')
        raise_value_error("Invalid isoformat string: " + str_repr(s));
    check_date(y, m, d);
    return new_date(y, m, d, a[0].as<Type>());
}
Value date_year(Interp&, const CallArgs& a) { return Value::integer(self_date(a, "year").year); }
Value date_month(Interp&, const CallArgs& a) { return Value::integer(self_date(a, "month").month); }
Value date_day(Interp&, const CallArgs& a) { return Value::integer(self_date(a, "day").day); }
Value date_toordinal(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "toordinal");
    return Value::integer(ymd_to_ord(d.year, d.month, d.day));
}
Value date_weekday(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "weekday");
    return Value::integer(weekday(d.year, d.month, d.day));
}
Value date_isoweekday(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "isoweekday");
    return Value::integer(weekday(d.year, d.month, d.day) + 1);
}
std::string date_iso(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}
Value date_isoformat(Interp&, const CallArgs& a) { return make_str(date_iso(self_date(a, "isoformat"))); }
Value date_repr(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "__repr__");
    std::string name = d.type == date_type() ? "datetime.date" : qualname_of(d.type);
    return make_str(name + "(" + std::to_string(d.year) + ", " + std::to_string(d.month) + ", " + std::to_string(d.day) + ")");
}
Value date_strftime(Interp& in, const CallArgs& a) {
    Date& d = self_date(a, "strftime");
    Value v[1];
    bind_args(a, 1, "strftime", "strftime", Sig::clinic, 1, 1, v, {"format"});
    return make_str(strftime(in, to_str(v[0], "strftime() argument 1"), d.year, d.month, d.day, 0, 0, 0, 0, Value(), a[0]));
}
Value date_format(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 1, "__format__", "__format__", Sig::checkpos, 1, 1, v);
    const std::string& spec = to_str(v[0], "format");
    if (spec.empty()) return make_str(str(in, a[0]));
    return call(in, getattr(in, a[0], intern("strftime")), std::vector<Value>{v[0]});
}
Value date_ctime(Interp& in, const CallArgs& a) {
    Date& d = self_date(a, "ctime");
    return make_str(strftime(in, "%a %b %e %H:%M:%S %Y", d.year, d.month, d.day, 0, 0, 0, 0, Value(), a[0]));
}
Value date_replace(Interp& in, const CallArgs& a) {
    Date& d = self_date(a, "replace");
    Value v[3];
    bind_args(a, 1, "replace", "replace", Sig::clinic, 0, 3, v, {"year", "month", "day"});
    int64_t y = v[0].is_undefined() ? d.year : argbind::index_arg(in, v[0]);
    int64_t m = v[1].is_undefined() ? d.month : argbind::index_arg(in, v[1]);
    int64_t dd = v[2].is_undefined() ? d.day : argbind::index_arg(in, v[2]);
    check_date(y, m, dd);
    return new_date(int(y), int(m), int(dd), d.type);
}
Value date_add(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "__add__");
    if (!is(a[1], timedelta_type())) return not_implemented();
    return date_from_ordinal(ymd_to_ord(d.year, d.month, d.day) + as<TimeDelta>(a[1]).days, d.type);
}
Value date_sub(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "__sub__");
    if (is(a[1], timedelta_type()))
        return date_from_ordinal(ymd_to_ord(d.year, d.month, d.day) - as<TimeDelta>(a[1]).days, d.type);
    if (is_plain_date(a[1])) {
        Date& o = as<Date>(a[1]);
        return new_timedelta((__int128)(ymd_to_ord(d.year, d.month, d.day) - ymd_to_ord(o.year, o.month, o.day)) * kUsPerDay);
    }
    return not_implemented();
}
template <ast::CmpOp Op>
Value date_cmp(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "__eq__");
    if (!is_plain_date(a[1])) return not_implemented();
    Date& o = as<Date>(a[1]);
    int64_t x = ymd_to_ord(d.year, d.month, d.day), y = ymd_to_ord(o.year, o.month, o.day);
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
Value date_hash(Interp&, const CallArgs& a) {
    Date& d = self_date(a, "__hash__");
    return Value::integer(ymd_to_ord(d.year, d.month, d.day));
}
Value date_timetuple(Interp& in, const CallArgs& a) {
    Date& d = self_date(a, "timetuple");
    int64_t f[9] = {d.year, d.month, d.day, 0, 0, 0, weekday(d.year, d.month, d.day),
                    ymd_to_ord(d.year, d.month, d.day) - ymd_to_ord(d.year, 1, 1) + 1, -1};
    (void)in;
    return make_time_tuple(f, "UTC");
}

}  // namespace

Type* date_type() {
    static Type* t = [] {
        Type* d = make_type("date", "datetime", Kind::opaque);
        d->heap = true;
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", date_new))));
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {
            {"toordinal", date_toordinal}, {"weekday", date_weekday}, {"isoweekday", date_isoweekday},
            {"isoformat", date_isoformat}, {"__str__", date_isoformat}, {"__repr__", date_repr},
            {"strftime", date_strftime}, {"__format__", date_format}, {"ctime", date_ctime},
            {"replace", date_replace}, {"__add__", date_add}, {"__radd__", date_add}, {"__sub__", date_sub},
            {"__hash__", date_hash}, {"timetuple", date_timetuple},
            {"__eq__", date_cmp<ast::CmpOp::Eq>}, {"__ne__", date_cmp<ast::CmpOp::NotEq>},
            {"__lt__", date_cmp<ast::CmpOp::Lt>}, {"__le__", date_cmp<ast::CmpOp::LtE>},
            {"__gt__", date_cmp<ast::CmpOp::Gt>}, {"__ge__", date_cmp<ast::CmpOp::GtE>},
        };
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        const struct {
            const char* name;
            NativeFn fn;
        } classmethods[] = {{"today", date_today}, {"fromordinal", date_fromordinal},
                            {"fromtimestamp", date_fromtimestamp}, {"fromisoformat", date_fromisoformat}};
        for (const auto& m : classmethods) d->add_attr(m.name, Value(new ClassMethod(make_native(m.name, m.fn))));
        d->add_attr("year", Value(new Property(make_native("year", date_year), Value::none())));
        d->add_attr("month", Value(new Property(make_native("month", date_month), Value::none())));
        d->add_attr("day", Value(new Property(make_native("day", date_day), Value::none())));
        return d;
    }();
    return t;
}

}  // namespace looplab::py::stdlib::dt

namespace looplab::py::stdlib {

void init_datetime(Interp& in, Module& m) {
    using namespace dt;
    Dict& d = *m.dict;
    d.set_str("MINYEAR", Value::integer(1));
    d.set_str("MAXYEAR", Value::integer(9999));
    Type* td = timedelta_type();
    d.set_str("timedelta", Value(td));
    if (td->dict->get_str("min").is_undefined()) {
        td->add_attr("min", new_timedelta(-(__int128)999999999 * kUsPerDay));
        td->add_attr("max", new_timedelta((__int128)1000000000 * kUsPerDay - 1));
        td->add_attr("resolution", new_timedelta(1));
        date_type()->add_attr("min", new_date(1, 1, 1));
        date_type()->add_attr("max", new_date(9999, 12, 31));
        date_type()->add_attr("resolution", new_timedelta(kUsPerDay));
    }
    d.set_str("date", Value(date_type()));
    install_datetime_types(in, m);
}

}  // namespace looplab::py::stdlib
