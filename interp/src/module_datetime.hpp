#pragma once
// The `datetime` module's objects (CPython Modules/_datetimemodule.c), shared by
// module_datetime.cpp (timedelta, date, the calendar arithmetic, the module) and
// module_datetime_time.cpp (datetime, time, timezone, strftime/strptime). Internal.
//
// The classes are marked heap so that format(), f-strings and subclasses treat them as
// the classes with __format__ and __new__ that they are; they stay immortal.
#include <cstdint>
#include <string>

#include "stdlib_modules.hpp"

namespace looplab::py::stdlib::dt {

constexpr int64_t kUsPerSecond = 1000000;
constexpr int64_t kUsPerDay = 86400 * kUsPerSecond;
constexpr int kMaxOrdinal = 3652059;  // date.max.toordinal()

struct TimeDelta : OpaqueObject {
    explicit TimeDelta(Type* t) : OpaqueObject(t) {}
    int64_t days = 0, seconds = 0, us = 0;  // normalised: 0 <= seconds < 86400, 0 <= us < 10**6
    __int128 total_us() const { return (__int128)days * kUsPerDay + (__int128)seconds * kUsPerSecond + us; }
};
struct Date : OpaqueObject {
    explicit Date(Type* t) : OpaqueObject(t) {}
    int year = 1, month = 1, day = 1;
};
struct DateTime : Date {
    explicit DateTime(Type* t) : Date(t) {}
    int hour = 0, minute = 0, second = 0, us = 0;
    Value tz;  // undefined: naive
};
struct Time : OpaqueObject {
    explicit Time(Type* t) : OpaqueObject(t) {}
    int hour = 0, minute = 0, second = 0, us = 0;
    Value tz;
};
struct TimeZone : OpaqueObject {
    explicit TimeZone(Type* t) : OpaqueObject(t) {}
    int64_t offset_us = 0;
    Value name;  // undefined: none given
};

Type* timedelta_type();
Type* date_type();
Type* datetime_type();
Type* time_type();
Type* tzinfo_type();
Type* timezone_type();

inline bool is(const Value& v, Type* t) { return v.is_object() && v.type()->is_subtype(t); }
template <class T>
T& as(const Value& v) {
    return *static_cast<T*>(v.obj());
}

// ---- calendar (the proleptic Gregorian rules of _datetimemodule.c) ------------------------
bool is_leap(int year);
int days_in_month(int year, int month);
int64_t ymd_to_ord(int year, int month, int day);  // 0001-01-01 is 1
void ord_to_ymd(int64_t ordinal, int& year, int& month, int& day);
int weekday(int year, int month, int day);  // Monday is 0
// ValueError "year 0 is out of range", "month must be in 1..12", "day is out of range for month".
void check_date(int64_t year, int64_t month, int64_t day);
void check_time(int64_t hour, int64_t minute, int64_t second, int64_t us);

// ---- construction -----------------------------------------------------------------------
Value new_timedelta(__int128 total_us, Type* t = nullptr);  // OverflowError past 999999999 days
Value new_date(int year, int month, int day, Type* t = nullptr);
Value new_datetime(int y, int mo, int d, int h, int mi, int s, int us, Value tz, Type* t = nullptr);
Value new_time(int h, int mi, int s, int us, Value tz, Type* t = nullptr);
Value utc();  // timezone.utc
Value new_timezone(int64_t offset_us, Value name);  // name undefined: none

// timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks) from numbers,
// with delta_new's rounding of float parts.
Value timedelta_from(Interp& in, const Value* args);
// datetime from microseconds since 0001-01-01 00:00 (OverflowError "date value out of range").
Value datetime_from_us(__int128 us, const Value& tz, Type* t);
__int128 datetime_us(const DateTime& d);  // the inverse, ignoring tz
// The UTC offset of an aware datetime/time's tzinfo, in microseconds; false when naive.
bool utcoffset_us(Interp& in, const Value& tz, const Value& dt, int64_t& out);

// ---- text --------------------------------------------------------------------------------
std::string two(int v);
std::string timedelta_str(const TimeDelta& t);
// "+HH:MM[:SS[.ffffff]]" for an offset (sep ":"), as CPython's format_utcoffset.
std::string offset_text(int64_t offset_us, const char* sep);
// date/datetime/time.strftime(fmt): %f %z %Z here, the rest by the C library.
std::string strftime(Interp& in, const std::string& fmt, int y, int mo, int d, int h, int mi, int s, int us,
                     const Value& tz, const Value& self);
// isoformat of the time part with timespec ('auto', 'hours', ..., 'microseconds').
std::string time_iso(int h, int mi, int s, int us, const std::string& timespec);

// datetime.strptime(s, format) and datetime.fromisoformat(s), classmethods: a[0] is the
// class (module_datetime_parse.cpp).
Value dt_strptime(Interp& in, const CallArgs& a);
Value dt_fromisoformat(Interp& in, const CallArgs& a);

void install_datetime_types(Interp& in, Module& m);  // module_datetime_time.cpp

}  // namespace looplab::py::stdlib::dt
