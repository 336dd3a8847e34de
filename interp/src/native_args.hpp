#pragma once
// Argument binding with CPython's error messages, for str's methods and the builtins
// (internal to str*.cpp, builtins.cpp, number_methods.cpp).
// CPython's natives parse arguments in five different ways, each with its own error text;
// scenario output includes those texts, so each native names its convention:
//   noargs      METH_NOARGS:        "str.upper() takes no arguments (1 given)"
//   one         METH_O:             "str.join() takes exactly one argument (0 given)"
//   checkpos    _PyArg_CheckPositional (Argument Clinic, positional only):
//                                   "strip expected at most 1 argument, got 2"
//   parsetuple  PyArg_ParseTuple:   "find() takes at least 1 argument (0 given)"
//   clinic      Argument Clinic with keywords:
//                                   "split() takes at most 2 arguments (3 given)",
//                                   "'x' is an invalid keyword argument for split()"
// All but clinic reject keywords with "str.strip() takes no keyword arguments".
// Clinic binding also reports a missing required argument:
//                                   "round() missing required argument 'number' (pos 1)"
#include <cstdint>
#include <initializer_list>
#include <string>

#include "looplab/py/object.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py::argbind {

enum class Sig : uint8_t { noargs, one, checkpos, parsetuple, clinic };

// Binds a's arguments into out[0..max) (missing ones stay undefined). `qualname` is the
// name the noargs/one/keyword messages use ("str.upper", "float"), `name` the others'.
void bind_args(const CallArgs& a, size_t first, const char* name, const std::string& qualname, Sig sig,
               size_t min, size_t max, Value* out, std::initializer_list<const char*> keywords = {});

// A method of str: checks self (args[0]) is a str and binds the other arguments into out[0..max) (missing
// ones stay undefined). Returns self.
Str& bind(const CallArgs& a, const char* name, Sig sig, size_t min, size_t max, Value* out,
          std::initializer_list<const char*> keywords = {});

// An integer argument (int, bool, or __index__): "'str' object cannot be interpreted as an integer".
int64_t index_arg(Interp& in, const Value& v);
// A slice bound of find()/count()...: None or an integer (_PyEval_SliceIndex).
int64_t slice_index(Interp& in, const Value& v, int64_t if_none);
// A str argument: "<what>must be str, not int" (what may be empty).
const Str& str_arg(const Value& v, const std::string& what);

void install_case_methods(Type& str);    // str_case.cpp: upper(), isalpha()...
void install_format_methods(Type& str);  // str_format.cpp: format(), format_map(), __format__
void install_dunders(Type& str);         // str.cpp: __len__, __add__, __eq__...
void install_translate_methods(Type& str);  // str_translate.cpp: maketrans(), translate()
void install_bytes_basics(Type& bytes);  // str.cpp: bytes.__repr__ and bytes.decode (for encode())

}  // namespace looplab::py::argbind
