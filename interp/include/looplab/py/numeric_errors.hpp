#pragma once
// Built-in exception classes the numeric/text primitives raise that the runtime's
// looplab/exceptions.hpp does not define yet. They live in namespace looplab, beside
// ValueError and TypeError, so they can move into runtime/include/looplab/exceptions.hpp
// unchanged; the interpreter maps a C++ exception to the Python class of the same
// type_name() (exceptions.hpp: from_exception_ptr). Hierarchy as CPython's
// Objects/exceptions.c: ArithmeticError > OverflowError, ZeroDivisionError;
// LookupError > IndexError.
#include "looplab/exceptions.hpp"

namespace looplab {

LOOPLAB_EXCEPTION(ArithmeticError, Exception);
LOOPLAB_EXCEPTION(OverflowError, ArithmeticError);
LOOPLAB_EXCEPTION(ZeroDivisionError, ArithmeticError);
LOOPLAB_EXCEPTION(LookupError, Exception);
LOOPLAB_EXCEPTION(IndexError, LookupError);

}  // namespace looplab
