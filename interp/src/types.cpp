// The built-in types and the basic object layouts (CPython Objects/typeobject.c and
// friends): construction of every built-in Type, MRO computation, interning.
#include <algorithm>
#include "looplab/py/types.hpp"

#include <unordered_map>

#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"

namespace looplab::py {

Object::Object(Type* t) noexcept : type(t) {
    if (t && t->heap) t->add_ref();
}
Object::~Object() {
    if (type && type->heap) type->release();
}

Type::Type(std::string n, Kind k, Type* base) : Object(nullptr), name(std::move(n)), kind(k), dict(new Dict()) {
    dict->add_ref();
    qualname = name;
    if (base) bases.push_back(base);
    mro.push_back(this);
    if (base)
        for (Type* t : base->mro) mro.push_back(t);
}

Type::~Type() {
    dict->release();
    if (heap)
        for (Type* b : bases)
            if (b->heap) b->release();
}

Value Type::lookup(std::string_view n) const {
    for (const Type* t : mro) {
        Value v = t->dict->get_str(n);
        if (!v.is_undefined()) return v;
    }
    return {};
}

bool Type::is_subtype(const Type* other) const noexcept {
    for (const Type* t : mro)
        if (t == other) return true;
    return false;
}

const Type* Type::builtin_base() const noexcept {
    for (const Type* t : mro)
        if (!t->heap) return t;
    return this;
}

void Type::add_method(const char* n, NativeFn fn) { dict->set_str(n, make_native(n, fn)); }
void Type::add_attr(const char* n, Value v) { dict->set_str(n, std::move(v)); }

// ---- object layouts ----
namespace {
size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
}  // namespace

Str::Str(std::string v) : Object(types().str), s(std::move(v)) {}
size_t Str::len() const {
    if (length < 0) length = int32_t(utf8_length(s));
    return size_t(length);
}
Tuple::Tuple() : Object(types().tuple) {}
Tuple::Tuple(std::vector<Value> i) : Object(types().tuple), items(std::move(i)) {}
List::List() : Object(types().list) {}
List::List(std::vector<Value> i) : Object(types().list), items(std::move(i)) {}
namespace {
bool g_collector_order = false;
}
ReleaseInCollectorOrder::ReleaseInCollectorOrder() : was(g_collector_order) { g_collector_order = true; }
ReleaseInCollectorOrder::~ReleaseInCollectorOrder() { g_collector_order = was; }
void release_items_reversed(std::vector<Value>& items) {
    if (g_collector_order) {
        for (Value& v : items) v = Value();
        items.clear();
        return;
    }
    while (!items.empty()) items.pop_back();
}
Tuple::~Tuple() { release_items_reversed(items); }
List::~List() { release_items_reversed(items); }
Range::Range(int64_t a, int64_t b, int64_t c) : Object(types().range), start(a), stop(b), step(c) {}
int64_t Range::length() const noexcept {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}
Slice::Slice(Value a, Value b, Value c) : Object(types().slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
Bytes::Bytes(std::string v) : Object(types().bytes), b(std::move(v)) {}
NativeFunction::NativeFunction(std::string n, NativeFn f, Value s, Value d)
    : Object(types().native), name(std::move(n)), fn(f), self(std::move(s)), data(std::move(d)) {}
BoundMethod::BoundMethod(Value s, Value f) : Object(types().bound_method), self(std::move(s)), func(std::move(f)) {}
Cell::Cell() : Object(types().cell) {}
Cell::Cell(Value v) : Object(types().cell), value(std::move(v)) {}
Module::Module(std::string n) : Object(types().module), name(std::move(n)), dict(new Dict()) {
    dict->add_ref();
    dict->set_str("__name__", make_str(name));
    dict->set_str("__doc__", Value::none());
}
Module::~Module() { dict->release(); }
Instance::Instance(Type* t) : Object(t), dict(new Dict()) { dict->add_ref(); }
Instance::~Instance() { dict->release(); }
Property::Property(Value g, Value s) : Object(types().property), fget(std::move(g)), fset(std::move(s)) {}
StaticMethod::StaticMethod(Value f) : Object(types().staticmethod), func(std::move(f)) {}
ClassMethod::ClassMethod(Value f) : Object(types().classmethod), func(std::move(f)) {}
Super::Super(Type* s, Value self_) : Object(types().super), start_after(s), self(std::move(self_)) {}
NativeIterator::NativeIterator(Type* t, NextFn n, Value s) : Object(t), next(n), source(std::move(s)) {}
OpaqueObject::~OpaqueObject() {
    if (attrs) attrs->release();
}
Code::Code() : Object(types().code) {}
ColumnSpan Code::column_at(size_t pc) const {
    auto it = std::lower_bound(columns.begin(), columns.end(), pc,
                               [](const ColumnEntry& e, size_t p) { return e.pc < p; });
    return it != columns.end() && it->pc == pc ? it->span : ColumnSpan{};
}
Function::Function(Ref<Code> c, Dict* g) : Object(types().function), code(std::move(c)), globals(g) {
    globals->add_ref();
    name = code->name;
    qualname = code->qualname;
}
Function::~Function() {
    globals->release();
    if (attrs) attrs->release();
}

Value make_str(std::string s) { return Value(new Str(std::move(s))); }
Value make_tuple(std::vector<Value> items) { return Value(new Tuple(std::move(items))); }
Value make_list(std::vector<Value> items) { return Value(new List(std::move(items))); }
Value make_native(const char* name, NativeFn fn, Value self, Value data) {
    return Value(new NativeFunction(name, fn, std::move(self), std::move(data)));
}

Str* intern(std::string_view s) {
    // Interned strings are immortal: identifiers and attribute names of every run.
    static auto* table = new std::unordered_map<std::string, Str*>();
    auto it = table->find(std::string(s));
    if (it != table->end()) return it->second;
    Str* str = new Str(std::string(s));
    str->add_ref();
    table->emplace(std::string(s), str);
    return str;
}

namespace {
BuiltinTypes* g_types = nullptr;
std::vector<Type*>* g_all_builtin = nullptr;

Type* builtin(const char* name, Kind kind, Type* base, bool final_ = false) {
    Type* t = new Type(name, kind, base);
    t->add_ref();  // immortal
    t->is_final = final_;
    g_all_builtin->push_back(t);
    return t;
}

void make_types(BuiltinTypes* t) {
    t->object = builtin("object", Kind::object, nullptr);
    t->type = builtin("type", Kind::type, t->object);
    t->dict = builtin("dict", Kind::dict, t->object);
    t->none = builtin("NoneType", Kind::none, t->object, true);
    t->integer = builtin("int", Kind::integer, t->object);
    t->boolean = builtin("bool", Kind::boolean, t->integer, true);
    t->floating = builtin("float", Kind::floating, t->object);
    t->str = builtin("str", Kind::str, t->object);
    t->bytes = builtin("bytes", Kind::bytes, t->object);
    t->tuple = builtin("tuple", Kind::tuple, t->object);
    t->list = builtin("list", Kind::list, t->object);
    t->set = builtin("set", Kind::set, t->object);
    t->frozenset = builtin("frozenset", Kind::frozenset, t->object);
    t->range = builtin("range", Kind::range, t->object, true);
    t->slice = builtin("slice", Kind::slice, t->object, true);
    t->function = builtin("function", Kind::function, t->object, true);
    t->native = builtin("builtin_function_or_method", Kind::native, t->object, true);
    t->bound_method = builtin("method", Kind::bound_method, t->object, true);
    t->cell = builtin("cell", Kind::cell, t->object, true);
    t->module = builtin("module", Kind::module, t->object);
    t->code = builtin("code", Kind::code, t->object, true);
    t->coroutine = builtin("coroutine", Kind::coroutine, t->object, true);
    t->generator = builtin("generator", Kind::generator, t->object, true);
    t->property = builtin("property", Kind::property, t->object);
    t->staticmethod = builtin("staticmethod", Kind::staticmethod, t->object);
    t->classmethod = builtin("classmethod", Kind::classmethod, t->object);
    t->super = builtin("super", Kind::super, t->object);
    t->ellipsis = builtin("ellipsis", Kind::opaque, t->object, true);
    t->not_implemented = builtin("NotImplementedType", Kind::opaque, t->object, true);
    auto it = [&](const char* n) { return builtin(n, Kind::iterator, t->object, true); };
    t->list_iterator = it("list_iterator");
    t->tuple_iterator = it("tuple_iterator");
    t->str_iterator = it("str_ascii_iterator");
    t->range_iterator = it("range_iterator");
    t->dict_keyiterator = it("dict_keyiterator");
    t->dict_valueiterator = it("dict_valueiterator");
    t->dict_itemiterator = it("dict_itemiterator");
    t->set_iterator = it("set_iterator");
    t->enumerate = it("enumerate");
    t->zip = it("zip");
    t->map = it("map");
    t->filter = it("filter");
    t->reversed = it("reversed");
    t->dict_keys = it("dict_keys");
    t->dict_values = it("dict_values");
    t->dict_items = it("dict_items");
    t->callable_iterator = it("callable_iterator");
}
}  // namespace

const BuiltinTypes& types() {
    if (g_types) return *g_types;
    // Built once per process. While the types are being made, objects created on the way
    // (each type's dict) see a partly filled table; their `type` is patched afterwards.
    g_types = new BuiltinTypes();
    g_all_builtin = new std::vector<Type*>();
    make_types(g_types);
    for (Type* t : *g_all_builtin) {
        t->type = g_types->type;
        t->dict->type = g_types->dict;
    }
    install_object_methods(*g_types);
    install_str_methods(*g_types->str);
    install_list_methods(*g_types->list, *g_types->tuple);
    install_dict_methods(*g_types->dict);
    install_set_methods(*g_types->set, *g_types->frozenset);
    return *g_types;
}

Value ellipsis() {
    static Value v = Value(new OpaqueObject(types().ellipsis));
    return v;
}
Value not_implemented() {
    static Value v = Value(new OpaqueObject(types().not_implemented));
    return v;
}

}  // namespace looplab::py

#include "looplab/py/abstract.hpp"

namespace looplab::py {

// PySlice_Unpack + PySlice_AdjustIndices (Objects/sliceobject.c).
int64_t Slice::indices(Interp& in, int64_t len, int64_t& start_out, int64_t& stop_out, int64_t& step_out) const {
    auto index_of = [&](const Value& v) -> int64_t {
        if (v.is_intlike()) return v.as_int();
        if (v.is_object() && !v.type()->lookup("__index__").is_undefined()) return to_int(in, v, "slice index");
        raise_type_error("slice indices must be integers or None or have an __index__ method");
    };
    int64_t st = this->step.is_none() ? 1 : index_of(this->step);
    if (st == 0) raise_value_error("slice step cannot be zero");
    int64_t start, stop;
    if (this->start.is_none()) start = st < 0 ? INT64_MAX : 0;
    else start = index_of(this->start);
    if (this->stop.is_none()) stop = st < 0 ? INT64_MIN : INT64_MAX;
    else stop = index_of(this->stop);
    auto adjust = [&](int64_t& i) {
        if (i < 0) {
            i += len;
            if (i < 0) i = st < 0 ? -1 : 0;
        } else if (i >= len) {
            i = st < 0 ? len - 1 : len;
        }
    };
    if (start == INT64_MAX && st < 0) start = len - 1;
    else adjust(start);
    if (stop == INT64_MIN && st < 0) stop = -1;
    else if (stop == INT64_MAX) stop = len;
    else adjust(stop);
    start_out = start;
    stop_out = stop;
    step_out = st;
    if (st < 0) return stop < start ? (start - stop - 1) / (-st) + 1 : 0;
    return start < stop ? (stop - start - 1) / st + 1 : 0;
}

}  // namespace looplab::py
