// Parser for the scenario language (SPEC 2): Python 3.11 source -> ast::Module.
// Recursive descent over the scanner's tokens, mirroring the rules of CPython's
// Grammar/python.gram and its error messages (the invalid_* rules, Parser/pegen_errors.c).
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/ast.hpp"

namespace looplab::py {

// What CPython's SyntaxError carries (msg, lineno, offset, end_offset, text), plus the exception
// class name and whether the construct is valid Python that LoopLab does not support.
struct SyntaxErrorInfo {
    std::string kind = "SyntaxError";  // "SyntaxError", "IndentationError", "TabError"
    std::string message;
    int line = 0;
    int offset = 0;       // 1-based column in characters (code points), like SyntaxError.offset
    int end_offset = 0;   // 1-based, exclusive end column in characters; 0 or -1 when unknown
    int end_line = 0;     // SyntaxError.end_lineno (0: same as line)
    std::string text;     // the source line (without its newline)
    bool unsupported = false;
};

class ParseError : public std::exception {
public:
    explicit ParseError(SyntaxErrorInfo i) : info(std::move(i)) {}
    const char* what() const noexcept override { return info.message.c_str(); }
    SyntaxErrorInfo info;
};

// A SyntaxWarning CPython prints while compiling (tokenizer.c verify_end_of_number: "invalid
// decimal literal" for `1if x else y`). CPython prints it through the warnings module:
//   x.py:1: SyntaxWarning: invalid decimal literal
//     x = 1if y else 2
struct SyntaxWarningInfo {
    std::string message;
    int line = 0;
};

// Parses a whole file (`filename` is only used in messages). Throws ParseError. Warnings are
// appended to `warnings` when it is not null.
std::unique_ptr<ast::Module> parse(std::string_view source, std::string_view filename,
                                   std::vector<SyntaxWarningInfo>* warnings = nullptr);

// The text CPython 3.11 prints for an uncaught SyntaxError (traceback.format_exception_only):
//   File "x.py", line 3
//     if x
//         ^
// SyntaxError: expected ':'
// Ends with a newline.
std::string format_syntax_error(const SyntaxErrorInfo& info, std::string_view filename);

}  // namespace looplab::py
