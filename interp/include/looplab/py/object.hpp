#pragma once
// The interpreter's values (CPython Include/object.h, in miniature).
//
// A Value is 16 bytes: None, bool, int (64-bit, overflow is an error — SPEC 2) and float are
// stored inline; everything else is a reference-counted Object whose Type says what it is.
// Objects are shared the way Python shares them: by reference count (non-atomic, one OS
// thread runs a whole simulation). Cycles are not collected: a scenario run is short-lived
// and the whole heap goes away with it.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "looplab/ref.hpp"

namespace looplab::py {

struct Object;
struct Type;

class Value {
public:
    enum class Tag : uint8_t { undefined = 0, none, boolean, integer, floating, object };

    Value() noexcept : tag_(Tag::undefined) { u_.i = 0; }
    Value(Object* o) noexcept;  // takes a new reference (o may be null: undefined)
    Value(const Value& o) noexcept : tag_(o.tag_), u_(o.u_) { incref(); }
    Value(Value&& o) noexcept : tag_(o.tag_), u_(o.u_) { o.tag_ = Tag::undefined; }
    template <class T>
    Value(const Ref<T>& r) noexcept : Value(static_cast<Object*>(r.get())) {}
    Value& operator=(const Value& o) noexcept {
        Value tmp(o);
        swap(tmp);
        return *this;
    }
    Value& operator=(Value&& o) noexcept {
        Value tmp(std::move(o));
        swap(tmp);
        return *this;
    }
    ~Value() { decref(); }
    void swap(Value& o) noexcept {
        std::swap(tag_, o.tag_);
        std::swap(u_, o.u_);
    }

    static Value none() noexcept { return Value(Tag::none, 0); }
    static Value boolean(bool b) noexcept { return Value(Tag::boolean, b ? 1 : 0); }
    static Value integer(int64_t i) noexcept { return Value(Tag::integer, i); }
    static Value floating(double d) noexcept {
        Value v;
        v.tag_ = Tag::floating;
        v.u_.f = d;
        return v;
    }
    // Adopt a reference the caller owns (from `new`): no increment.
    static Value adopt(Object* o) noexcept;

    Tag tag() const noexcept { return tag_; }
    bool is_undefined() const noexcept { return tag_ == Tag::undefined; }
    bool is_none() const noexcept { return tag_ == Tag::none; }
    bool is_bool() const noexcept { return tag_ == Tag::boolean; }
    bool is_int() const noexcept { return tag_ == Tag::integer; }
    bool is_float() const noexcept { return tag_ == Tag::floating; }
    bool is_object() const noexcept { return tag_ == Tag::object; }
    // int or bool (bool is a subclass of int, as in Python)
    bool is_intlike() const noexcept { return tag_ == Tag::integer || tag_ == Tag::boolean; }

    bool as_bool() const noexcept { return u_.i != 0; }
    int64_t as_int() const noexcept { return u_.i; }  // int or bool
    double as_float() const noexcept { return u_.f; }
    Object* obj() const noexcept { return tag_ == Tag::object ? u_.o : nullptr; }
    template <class T>
    T* as() const noexcept {
        return static_cast<T*>(u_.o);
    }

    Type* type() const noexcept;
    // Identity (`is`).
    bool is(const Value& o) const noexcept {
        if (tag_ != o.tag_) return false;
        if (tag_ == Tag::floating) return std::memcmp(&u_.f, &o.u_.f, sizeof(double)) == 0;
        return u_.i == o.u_.i;
    }
    // An id()-like number, stable for the object's lifetime.
    uint64_t identity() const noexcept { return uint64_t(u_.i); }

private:
    Value(Tag t, int64_t i) noexcept : tag_(t) { u_.i = i; }
    void incref() const noexcept;
    void decref() noexcept;

    Tag tag_;
    union U {
        int64_t i;
        double f;
        Object* o;
    } u_;
};

// Every heap value. `type` is the object's class; instances of user classes keep their
// class alive (heap types are reference counted like everything else).
struct Object : RefCounted {
    explicit Object(Type* t) noexcept;
    ~Object() override;
    Type* type;
};

inline Value::Value(Object* o) noexcept : tag_(o ? Tag::object : Tag::undefined) {
    u_.o = o;
    if (o) o->add_ref();
}
inline Value Value::adopt(Object* o) noexcept {
    Value v(o);
    return v;  // `new` objects start at 0 references: Value(o) takes the first one
}
inline void Value::incref() const noexcept {
    if (tag_ == Tag::object) u_.o->add_ref();
}
inline void Value::decref() noexcept {
    if (tag_ == Tag::object) u_.o->release();
}

// Native (C++) callables: positional args, then keyword arguments by name.
struct Str;
struct CallArgs {
    const Value* args = nullptr;
    size_t nargs = 0;
    const Value* kwvalues = nullptr;
    Str* const* kwnames = nullptr;
    size_t nkw = 0;

    const Value& operator[](size_t i) const noexcept { return args[i]; }
    size_t size() const noexcept { return nargs; }
    // The keyword argument `name`, or undefined.
    Value kw(std::string_view name) const noexcept;
};

class Interp;
using NativeFn = Value (*)(Interp& in, const CallArgs& a);

// reprlib.repr(v) (CPython Lib/reprlib.py, the limits asyncio's reprs use): found by the
// runtime's FutureImpl<Value> through argument-dependent lookup.
std::string reprlib_repr(const Value& v);

}  // namespace looplab::py
