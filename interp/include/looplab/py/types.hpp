#pragma once
// Classes and the built-in object layouts (CPython Objects/*.c, one struct each here).
//
// Every Value has a Type. A Type is itself an Object (classes are values). Built-in types
// carry a Kind that says which C++ struct their instances are; a user class inherits the
// Kind of its nearest built-in base (`class E(Exception)` makes ExceptionObject instances).
// Attribute lookup walks `mro`; natives live in the type's dict as NativeFunction values.
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/object.hpp"

namespace looplab::py {

struct Dict;

enum class Kind : uint8_t {
    object,  // plain `object()` and user instances: Instance
    none,
    boolean,
    integer,
    floating,
    str,
    bytes,
    tuple,
    list,
    dict,
    set,
    frozenset,
    range,
    slice,
    type,
    function,
    native,
    bound_method,
    cell,
    module,
    code,
    exception,  // ExceptionObject
    coroutine,
    generator,
    iterator,  // built-in iterators (list_iterator, range_iterator, ...): NativeIterator
    property,
    staticmethod,
    classmethod,
    super,
    opaque,  // native state objects of modules (futures, locks, ...): OpaqueObject
};

struct Type : Object {
    Type(std::string name, Kind kind, Type* base);  // a built-in type
    ~Type() override;

    std::string name;
    std::string module = "builtins";
    std::string qualname;
    Kind kind;
    bool heap = false;        // a class statement made it
    bool is_final = false;    // bool, NoneType...: cannot be subclassed
    std::vector<Type*> bases; // owned references when heap
    std::vector<Type*> mro;   // this type first
    Dict* dict;               // owned
    // Calling a built-in type: `list(x)`, `int("3")`. Receives the call's arguments (not the
    // class). Null for types that cannot be called directly.
    NativeFn construct = nullptr;
    // Attribute hooks of native types with computed attributes: called with (obj, name) /
    // (obj, name, value); getattr_hook returns undefined when it has no such attribute,
    // setattr_hook returns undefined when it did not handle the name.
    NativeFn getattr_hook = nullptr;
    NativeFn setattr_hook = nullptr;

    // Attribute lookup along the MRO (no descriptor binding): undefined if absent.
    Value lookup(std::string_view name) const;
    bool is_subtype(const Type* other) const noexcept;
    // The nearest built-in type in the MRO (the one whose Kind instances have).
    const Type* builtin_base() const noexcept;
    // Adds a native method / attribute to a built-in type's dict.
    void add_method(const char* name, NativeFn fn);
    void add_attr(const char* name, Value v);
};

// ---- str ------------------------------------------------------------------------------
struct Str : Object {
    explicit Str(std::string s);
    std::string s;              // UTF-8
    mutable int64_t hash = -1;  // cached hash(s), -1: not computed
    mutable int32_t length = -1;  // code points, -1: not computed
    size_t len() const;        // number of code points
    bool is_ascii() const { return size_t(len()) == s.size(); }
};

// ---- sequences ------------------------------------------------------------------------
// Both release their items last to first, as CPython's tupledealloc and list_dealloc do:
// which of several failed tasks in a list reports "Task exception was never retrieved"
// first depends on it.
struct Tuple : Object {
    Tuple();
    explicit Tuple(std::vector<Value> items);
    ~Tuple() override;
    std::vector<Value> items;
};
struct List : Object {
    List();
    explicit List(std::vector<Value> items);
    ~List() override;
    std::vector<Value> items;
};
// Releases the items of a dying or cleared sequence from the last to the first -- except
// while the interpreter finalizes (ReleaseInCollectorOrder): there CPython's final garbage
// collection runs the finalizers of what is left in the collector's list order, roughly
// creation order, before anything is deallocated; first to last approximates that.
void release_items_reversed(std::vector<Value>& items);
struct ReleaseInCollectorOrder {
    ReleaseInCollectorOrder();
    ~ReleaseInCollectorOrder();
    ReleaseInCollectorOrder(const ReleaseInCollectorOrder&) = delete;
    ReleaseInCollectorOrder& operator=(const ReleaseInCollectorOrder&) = delete;
    bool was;
};
struct Range : Object {
    Range(int64_t start, int64_t stop, int64_t step);
    int64_t start, stop, step;
    int64_t length() const noexcept;
};
struct Slice : Object {
    Slice(Value start, Value stop, Value step);
    Value start, stop, step;
    // slice.indices(len) as CPython's PySlice_GetIndicesEx; returns the slice length.
    int64_t indices(Interp& in, int64_t len, int64_t& start_out, int64_t& stop_out, int64_t& step_out) const;
};
struct Bytes : Object {
    explicit Bytes(std::string b);
    std::string b;
};

// ---- functions, methods, cells, modules ----------------------------------------------
struct NativeFunction : Object {
    NativeFunction(std::string name, NativeFn fn, Value self = {}, Value data = {});
    std::string name;
    NativeFn fn;
    Value self;  // bound receiver (passed as args[0]) or undefined
    Value data;  // state a native needs (functools.partial's parts, a module's object...)
};
struct BoundMethod : Object {
    BoundMethod(Value self, Value func);
    Value self, func;
};
struct Cell : Object {
    Cell();
    explicit Cell(Value v);
    Value value;  // undefined: empty cell
};
struct Module : Object {
    explicit Module(std::string name);
    ~Module() override;
    std::string name;
    Dict* dict;  // owned
};
// A user-class instance (and `object()`): attributes in a dict.
struct Instance : Object {
    explicit Instance(Type* t);
    ~Instance() override;
    Dict* dict;  // owned; created on construction
};
struct Property : Object {
    Property(Value fget, Value fset);
    Value fget, fset;
};
struct StaticMethod : Object {
    explicit StaticMethod(Value f);
    Value func;
};
struct ClassMethod : Object {
    explicit ClassMethod(Value f);
    Value func;
};
struct Super : Object {
    Super(Type* start_after, Value self);
    Type* start_after;  // the class named in super(C, self): lookup starts after it in self's MRO
    Value self;
};

// A built-in iterator: `next` returns undefined when exhausted.
struct NativeIterator : Object {
    using NextFn = Value (*)(Interp& in, NativeIterator& it);
    NativeIterator(Type* t, NextFn next, Value source);
    NextFn next;
    Value source;       // what is iterated (list, tuple, str, dict, set...)
    int64_t index = 0;  // position
    int64_t end = 0;    // ranges: stop; dicts: expected size (changed-size check)
    int64_t step = 1;
    int64_t aux = 0;    // iterator-specific (dict view kind...)
    Value extra;        // iterator-specific (zip's iterators, map's function...)
};

// Native state behind a module-level Python object (asyncio's Future, Lock, Queue...).
struct OpaqueObject : Object {
    explicit OpaqueObject(Type* t) : Object(t) {}
    Dict* attrs = nullptr;  // optional instance attributes
    ~OpaqueObject() override;
};

// ---- the built-in types (immortal, shared by every interpreter in the process) ---------
struct BuiltinTypes {
    Type *object, *type, *none, *boolean, *integer, *floating, *str, *bytes, *tuple, *list, *dict,
        *set, *frozenset, *range, *slice, *function, *native, *bound_method, *cell, *module, *code,
        *coroutine, *generator, *property, *staticmethod, *classmethod, *super, *ellipsis,
        *not_implemented;
    // iterator types (names as CPython's: list_iterator, ...)
    Type *list_iterator, *tuple_iterator, *str_iterator, *range_iterator, *dict_keyiterator,
        *dict_valueiterator, *dict_itemiterator, *set_iterator, *enumerate, *zip, *map, *filter,
        *reversed, *dict_keys, *dict_values, *dict_items, *callable_iterator;
};
const BuiltinTypes& types();
// Ellipsis and NotImplemented singletons.
Value ellipsis();
Value not_implemented();

inline Type* Value::type() const noexcept {
    switch (tag_) {
        case Tag::object: return u_.o->type;
        case Tag::none: return types().none;
        case Tag::boolean: return types().boolean;
        case Tag::integer: return types().integer;
        case Tag::floating: return types().floating;
        case Tag::undefined: break;
    }
    return types().none;
}

// Kind of a value's type (instances of user classes report their built-in base's kind).
inline Kind kind_of(const Value& v) noexcept { return v.type()->kind; }
inline bool is_str(const Value& v) noexcept { return v.is_object() && v.type()->kind == Kind::str; }

// Construction shorthands.
Value make_str(std::string s);
Value make_tuple(std::vector<Value> items);
Value make_list(std::vector<Value> items);
Value make_native(const char* name, NativeFn fn, Value self = {}, Value data = {});
// An interned str for identifiers and attribute names (one object per distinct text).
Str* intern(std::string_view s);

}  // namespace looplab::py
