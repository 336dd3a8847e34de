#pragma once
// The object protocols (CPython Objects/abstract.c and object.c): what `repr(x)`, `x == y`,
// `x[i]`, `for v in x`, `a + b`, `f(*args)` mean for any value, built-in or user class.
// Every function may run user code (dunder methods) and raise (throws a PyError).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/ast.hpp"
#include "looplab/py/object.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py {

// ---- conversions to text -------------------------------------------------------------
std::string repr(Interp& in, const Value& v);
std::string str(Interp& in, const Value& v);
Value repr_value(Interp& in, const Value& v);  // as a str Value
Value str_value(Interp& in, const Value& v);
std::string ascii(Interp& in, const Value& v);
// format(v, spec): __format__ of built-ins via format_spec.hpp, user classes' __format__.
std::string format(Interp& in, const Value& v, std::string_view spec);
// `<__main__.Foo object at 0x7f...>` style address for reprs: a fake but stable address.
std::string address_of(const Value& v);

// ---- truth, identity, hashing, comparison ---------------------------------------------
bool truthy(Interp& in, const Value& v);
int64_t hash(Interp& in, const Value& v);  // raises TypeError: unhashable type: 'list'
bool eq(Interp& in, const Value& a, const Value& b);  // a == b as a bool
Value compare(Interp& in, const Value& a, const Value& b, ast::CmpOp op);  // rich comparison
bool less(Interp& in, const Value& a, const Value& b);  // a < b as a bool (sorting, min/max)
bool contains(Interp& in, const Value& container, const Value& item);  // item in container
bool isinstance(Interp& in, const Value& v, const Value& cls_or_tuple);

// ---- arithmetic -----------------------------------------------------------------------
Value binary_op(Interp& in, const Value& a, const Value& b, ast::Operator op);
Value inplace_op(Interp& in, const Value& a, const Value& b, ast::Operator op);
Value unary_op(Interp& in, const Value& v, ast::UnaryOpKind op);

// ---- attributes -----------------------------------------------------------------------
Value getattr(Interp& in, const Value& obj, Str* name);  // raises AttributeError
Value getattr_or_undefined(Interp& in, const Value& obj, Str* name);  // no AttributeError
void setattr(Interp& in, const Value& obj, Str* name, Value v);
void delattr(Interp& in, const Value& obj, Str* name);
bool hasattr(Interp& in, const Value& obj, Str* name);
// Looks a dunder up on the type (never the instance), as CPython's special method lookup.
Value lookup_special(const Value& obj, std::string_view name);

// ---- containers -----------------------------------------------------------------------
Value getitem(Interp& in, const Value& obj, const Value& key);
void setitem(Interp& in, const Value& obj, const Value& key, Value v);
void delitem(Interp& in, const Value& obj, const Value& key);
int64_t len(Interp& in, const Value& v);  // raises TypeError: object of type 'int' has no len()
// Normalises a sequence index (negative from the end); raises IndexError(what) out of range.
int64_t sequence_index(Interp& in, const Value& index, int64_t size, const char* what);

// ---- iteration ------------------------------------------------------------------------
Value iter(Interp& in, const Value& v);  // raises TypeError: 'int' object is not iterable
// next(it): undefined when exhausted (StopIteration swallowed).
Value next(Interp& in, const Value& it);
// Collects any iterable into a vector (fast paths for list/tuple).
std::vector<Value> to_vector(Interp& in, const Value& iterable);

// ---- calls ----------------------------------------------------------------------------
Value call(Interp& in, const Value& callable, const CallArgs& args);
Value call(Interp& in, const Value& callable, std::vector<Value> args);
bool is_callable(const Value& v);
// "int", "list", "Foo": the type's name for error messages.
const std::string& type_name(const Value& v);

// ---- argument parsing for natives -----------------------------------------------------
// Checks positional count and rejects unknown keywords with CPython's messages:
// "len() takes exactly one argument (2 given)", "f() got an unexpected keyword argument 'x'".
void check_args(const CallArgs& a, const char* fname, size_t min_pos, size_t max_pos,
                std::initializer_list<const char*> keywords = {});
int64_t to_int(Interp& in, const Value& v, const char* what);  // TypeError when not an int
double to_float(Interp& in, const Value& v, const char* what);  // int or float
const std::string& to_str(const Value& v, const char* what);     // TypeError when not a str

}  // namespace looplab::py
