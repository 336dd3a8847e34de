#pragma once
// AST -> bytecode (CPython Python/compile.c). One Code per module, function, lambda, class
// body and comprehension. Compile-time errors ('return' outside function, 'await' outside
// async function...) are thrown as ParseError, like the parser's, so both print as
// CPython's SyntaxError.
#include <string_view>

#include "looplab/py/ast.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/parser.hpp"

namespace looplab::py {

Ref<Code> compile_module(const ast::Module& m, std::string_view filename, std::string_view source);

// Parse + compile; throws ParseError.
Ref<Code> compile_source(std::string_view source, std::string_view filename);

}  // namespace looplab::py
