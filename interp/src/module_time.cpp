// The `time` module (CPython Modules/timemodule.c) on the virtual clock (SPEC 4), as the
// reference runner patches it (tools/looplab_cpython/clock.py): time() is
// 1704067200.0 (2024-01-01 00:00:00 UTC) + clock, perf_counter()/monotonic() the clock,
// sleep() blocks the thread (the clock jumps, no loop iteration runs), and local time is
// UTC (the runner sets TZ=UTC).
#include <cmath>
#include <cstring>
#include <ctime>

#include "looplab/py/float_format.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/runtime.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"
#include "world_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

constexpr double kEpoch = 1704067200.0;  // clock.EPOCH

double now(Interp& in) { return in.runtime().clock(); }

// The functions tools/looplab_cpython/clock.py patches into time are Python functions, so
// under the reference their argument errors are a `def`'s ("time() takes 0 positional
// arguments but 1 was given"); perf_counter is clock.monotonic there, and says so.
void noargs(const CallArgs& a, const char* qualname) {
    world::bind_call(world::Params{qualname, {}, 0, 0, false}, a, nullptr);
}

// time.struct_time: a 9-tuple with named fields, plus tm_zone/tm_gmtoff (structseq).
struct StructTime : Tuple {
    explicit StructTime(std::vector<Value> items, std::string z) : Tuple(std::move(items)), zone(std::move(z)) {}
    std::string zone;
};

const char* const kFields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                               "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};

Type* struct_time_type();

template <int I>
Value field_getter(Interp&, const CallArgs& a) {
    return a[0].as<Tuple>()->items[I];
}
Value zone_getter(Interp&, const CallArgs& a) {
    auto* st = dynamic_cast<StructTime*>(a[0].obj());
    return make_str(st ? st->zone : "UTC");
}
Value gmtoff_getter(Interp&, const CallArgs&) { return Value::integer(0); }

// structseq_repr: time.struct_time(tm_year=2024, ...)
Value struct_time_repr(Interp& in, const CallArgs& a) {
    auto& items = a[0].as<Tuple>()->items;
    std::string s = "time.struct_time(";
    for (size_t i = 0; i < 9 && i < items.size(); ++i) {
        if (i) s += ", ";
        s += std::string(kFields[i]) + "=" + repr(in, items[i]);
    }
    return make_str(s + ")");
}

Type* struct_time_type() {
    static Type* t = [] {
        Type* s = make_type("struct_time", "time", Kind::tuple, types().tuple);
        s->add_method("__repr__", struct_time_repr);
        NativeFn getters[] = {field_getter<0>, field_getter<1>, field_getter<2>, field_getter<3>, field_getter<4>,
                              field_getter<5>, field_getter<6>, field_getter<7>, field_getter<8>};
        for (int i = 0; i < 9; ++i)
            s->add_attr(kFields[i], Value(new Property(make_native(kFields[i], getters[i]), Value::none())));
        s->add_attr("tm_zone", Value(new Property(make_native("tm_zone", zone_getter), Value::none())));
        s->add_attr("tm_gmtoff", Value(new Property(make_native("tm_gmtoff", gmtoff_getter), Value::none())));
        s->add_attr("n_sequence_fields", Value::integer(9));
        return s;
    }();
    return t;
}

Value make_struct_time(const std::tm& tm, const char* zone) {
    std::vector<Value> items = {
        Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1), Value::integer(tm.tm_mday),
        Value::integer(tm.tm_hour),        Value::integer(tm.tm_min),     Value::integer(tm.tm_sec),
        Value::integer((tm.tm_wday + 6) % 7), Value::integer(tm.tm_yday + 1), Value::integer(0)};
    auto* st = new StructTime(std::move(items), zone);
    retype(st, struct_time_type());
    return Value(st);
}

}  // namespace

Value make_time_tuple(const int64_t f[9], const char* zone) {
    std::vector<Value> items;
    for (int i = 0; i < 9; ++i) items.push_back(Value::integer(f[i]));
    auto* st = new StructTime(std::move(items), zone);
    retype(st, struct_time_type());
    return Value(st);
}

namespace {

// _PyTime_ObjectToTime_t(ROUND_FLOOR): seconds since the epoch as time_t.
std::time_t to_time_t(Interp& in, const Value& v) {
    if (v.is_float()) {
        double d = v.as_float();
        if (std::isnan(d)) raise_value_error("Invalid value NaN (not a number)");
        d = std::floor(d);
        if (!(d >= -9.2e18 && d < 9.2e18)) raise(exc_types().OverflowError, "timestamp out of range for platform time_t");
        return std::time_t(d);
    }
    return std::time_t(argbind::index_arg(in, v));
}

std::tm utc_tm(std::time_t t) {
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) raise(exc_types().OverflowError, "timestamp out of range for platform time_t");
    return tm;
}

// gettmarg: a struct_time or a 9-tuple -> struct tm (with checkargs' range rules).
std::tm tm_from_tuple(Interp& in, const Value& t, const char* fname, std::string* zone) {
    if (!t.is_object() || t.type()->kind != Kind::tuple)
        raise_type_error(std::string("Tuple or struct_time argument required"));
    auto& items = t.as<Tuple>()->items;
    if (items.size() != 9) raise_type_error(std::string(fname) + "(): illegal time tuple argument");
    int64_t f[9];
    for (int i = 0; i < 9; ++i) f[i] = argbind::index_arg(in, items[size_t(i)]);
    std::tm tm{};
    tm.tm_year = int(f[0] - 1900);
    tm.tm_mon = int(f[1] - 1);
    tm.tm_mday = int(f[2]);
    tm.tm_hour = int(f[3]);
    tm.tm_min = int(f[4]);
    tm.tm_sec = int(f[5]);
    tm.tm_wday = int((f[6] + 1) % 7);
    tm.tm_yday = int(f[7] - 1);
    tm.tm_isdst = int(f[8]);
    // checktm (timemodule.c): out-of-range fields are normalised or rejected.
    if (tm.tm_mon == -1) tm.tm_mon = 0;
    else if (tm.tm_mon < 0 || tm.tm_mon > 11) raise_value_error("month out of range");
    if (tm.tm_mday == 0) tm.tm_mday = 1;
    else if (tm.tm_mday < 0 || tm.tm_mday > 31) raise_value_error("day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23) raise_value_error("hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59) raise_value_error("minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61) raise_value_error("seconds out of range");
    if (tm.tm_wday < 0) raise_value_error("day of week out of range");
    if (tm.tm_yday == -1) tm.tm_yday = 0;
    else if (tm.tm_yday < 0 || tm.tm_yday > 365) raise_value_error("day of year out of range");
    if (zone) {
        auto* st = dynamic_cast<StructTime*>(t.obj());
        *zone = st ? st->zone : "UTC";
    }
    return tm;
}

// The time tuple of an optional `secs` argument (None: now).
std::tm tm_of_secs(Interp& in, const Value& secs) {
    if (secs.is_undefined() || secs.is_none()) return utc_tm(std::time_t(std::floor(kEpoch + now(in))));
    return utc_tm(to_time_t(in, secs));
}

// ---- clocks (clock.py's) ---------------------------------------------------------------------------
Value time_time(Interp& in, const CallArgs& a) {
    noargs(a, "time");
    return Value::floating(kEpoch + now(in));
}
Value time_time_ns(Interp& in, const CallArgs& a) {
    noargs(a, "time_ns");
    return Value::integer(int64_t(kEpoch * 1e9) + int64_t(now(in) * 1e9));
}
Value time_monotonic(Interp& in, const CallArgs& a) {
    noargs(a, "monotonic");
    return Value::floating(now(in));
}
Value time_monotonic_ns(Interp& in, const CallArgs& a) {
    noargs(a, "monotonic_ns");
    return Value::integer(int64_t(now(in) * 1e9));
}
Value time_perf_counter(Interp& in, const CallArgs& a) {
    noargs(a, "monotonic");
    return Value::floating(now(in));
}
Value time_perf_counter_ns(Interp& in, const CallArgs& a) {
    noargs(a, "monotonic_ns");
    return Value::integer(int64_t(now(in) * 1e9));
}
// process_time()/thread_time(): CPU time. Python code costs no virtual time (SPEC 4), so
// this is the virtual clock too (the reference runner leaves the real CPU clock here).
Value time_process_time(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "process_time", "time.process_time", Sig::noargs, 0, 0, nullptr);
    return Value::floating(now(in));
}

// time.sleep: the argument rules of _PyTime_FromObject (clock.py sleep), then block().
Value time_sleep(Interp& in, const CallArgs& a) {
    Value v[1];
    world::bind_call(world::Params{"sleep", {"secs"}, 1, 1, false}, a, v);
    const Value& secs = v[0];
    double s;
    constexpr double kLimit = 9223372036854775808.0;  // 2**63 ns
    if (secs.is_float()) {
        s = secs.as_float();
        if (std::isnan(s)) raise_value_error("Invalid value NaN (not a number)");
        if (!(s * 1e9 >= -kLimit && s * 1e9 < kLimit))
            raise(exc_types().OverflowError, "timestamp too large to convert to C _PyTime_t");
    } else {
        int64_t n = argbind::index_arg(in, secs);
        if (n >= 9223372037LL || n <= -9223372037LL)
            raise(exc_types().OverflowError, "timestamp too large to convert to C _PyTime_t");
        s = double(n);
    }
    if (s < 0) raise_value_error("sleep length must be non-negative");
    world::block(in, s);
    return Value::none();
}

// ---- calendar time --------------------------------------------------------------------
Value time_gmtime(Interp& in, const CallArgs& a) {
    Value v[1];
    world::bind_call(world::Params{"gmtime", {"secs"}, 1, 0, false}, a, v);
    // glibc's gmtime names the zone GMT (struct tm's tm_zone), so CPython's gmtime does too.
    return make_struct_time(tm_of_secs(in, v[0]), "GMT");
}
Value time_localtime(Interp& in, const CallArgs& a) {
    Value v[1];
    world::bind_call(world::Params{"localtime", {"secs"}, 1, 0, false}, a, v);
    return make_struct_time(tm_of_secs(in, v[0]), "UTC");
}

Value time_mktime(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "mktime", "time.mktime", Sig::one, 1, 1, v);
    std::tm tm = tm_from_tuple(in, v[0], "mktime", nullptr);
    return Value::floating(double(timegm(&tm)));
}

// _asctime: "Mon Jan  1 00:00:00 2024"
std::string asctime_text(const std::tm& tm) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm.tm_wday % 7], months[tm.tm_mon % 12],
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
    return buf;
}

Value time_ctime(Interp& in, const CallArgs& a) {
    Value v[1];
    world::bind_call(world::Params{"ctime", {"secs"}, 1, 0, false}, a, v);
    return make_str(asctime_text(tm_of_secs(in, v[0])));
}
Value time_asctime(Interp& in, const CallArgs& a) {
    Value v[1];
    world::bind_call(world::Params{"asctime", {"t"}, 1, 0, false}, a, v);
    std::tm tm = v[0].is_undefined() ? tm_of_secs(in, Value()) : tm_from_tuple(in, v[0], "asctime", nullptr);
    return make_str(asctime_text(tm));
}

Value time_strftime(Interp& in, const CallArgs& a) {
    Value v[2];
    world::bind_call(world::Params{"strftime", {"format", "t"}, 2, 1, false}, a, v);
    if (!is_str(v[0])) raise_type_error("strftime() argument 1 must be str, not " + type_name(v[0]));
    std::string zone = "UTC";
    std::tm tm = v[1].is_undefined() ? tm_of_secs(in, Value()) : tm_from_tuple(in, v[1], "strftime", &zone);
    tm.tm_zone = zone.c_str();
    tm.tm_gmtoff = 0;
    const std::string& fmt = v[0].as<Str>()->s;
    if (fmt.empty()) return make_str("");
    std::vector<char> buf(1024);
    for (;;) {
        size_t n = std::strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
        if (n > 0 || buf.size() > 256 * fmt.size() + 1024) return make_str(std::string(buf.data(), n));
        buf.resize(buf.size() * 2);
    }
}

}  // namespace

void init_time(Interp& in, Module& m) {
    (void)in;
    def(m, "time", time_time);
    def(m, "time_ns", time_time_ns);
    def(m, "monotonic", time_monotonic);
    def(m, "monotonic_ns", time_monotonic_ns);
    def(m, "perf_counter", time_perf_counter);
    def(m, "perf_counter_ns", time_perf_counter_ns);
    def(m, "process_time", time_process_time);
    def(m, "thread_time", time_process_time);
    def(m, "sleep", time_sleep);
    def(m, "gmtime", time_gmtime);
    def(m, "localtime", time_localtime);
    def(m, "mktime", time_mktime);
    def(m, "ctime", time_ctime);
    def(m, "asctime", time_asctime);
    def(m, "strftime", time_strftime);
    m.dict->set_str("struct_time", Value(struct_time_type()));
    m.dict->set_str("timezone", Value::integer(0));
    m.dict->set_str("altzone", Value::integer(0));
    m.dict->set_str("daylight", Value::integer(0));
    m.dict->set_str("tzname", make_tuple({make_str("UTC"), make_str("UTC")}));
}

}  // namespace looplab::py::stdlib
