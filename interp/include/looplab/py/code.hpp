#pragma once
// Code objects and the instruction set (CPython Include/cpython/code.h, Lib/opcode.py).
//
// One instruction is 32 bits: an 8-bit opcode and a 24-bit argument. The compiler turns
// each function body into a Code; the VM (vm.hpp) executes it on a heap Frame, so a
// suspended coroutine is just a saved frame.
#include <cstdint>
#include <string>
#include <vector>

#include "looplab/py/traceback_carets.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py {

#define LOOPLAB_OPCODES(X)                                                                      \
    X(NOP) X(POP_TOP) X(DUP_TOP) X(DUP_TOP_TWO) X(ROT_TWO) X(ROT_THREE) X(ROT_FOUR)               \
    X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST)                                      \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE)                                 \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL)                                              \
    X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_CLASSDEREF)                                 \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) X(CALL_METHOD)                      \
    X(BINARY_OP) X(INPLACE_OP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT)   \
    X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP)                                                        \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE)                             \
    X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING)                        \
    X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE)             \
    X(DICT_MERGE) X(LIST_TO_TUPLE) X(FORMAT_VALUE)                                               \
    X(UNPACK_SEQUENCE) X(UNPACK_EX)                                                              \
    X(JUMP) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP)                    \
    X(JUMP_IF_TRUE_OR_POP) X(POP_JUMP_IF_NONE) X(POP_JUMP_IF_NOT_NONE)                          \
    X(GET_ITER) X(FOR_ITER)                                                                     \
    X(CALL) X(CALL_KW) X(CALL_EX) X(MAKE_FUNCTION) X(RETURN_VALUE)                               \
    X(SETUP_FINALLY) X(SETUP_WITH) X(POP_BLOCK) X(RAISE) X(RERAISE) X(PUSH_EXC_INFO) X(POP_EXCEPT)             \
    X(CHECK_EXC_MATCH) X(CHECK_EG_MATCH) X(PREP_RERAISE_STAR) X(LOAD_ASSERTION_ERROR)           \
    X(GET_AWAITABLE) X(AWAIT) X(YIELD_VALUE) X(GET_AITER) X(GET_ANEXT) X(END_ASYNC_FOR)          \
    X(BEFORE_WITH) X(BEFORE_ASYNC_WITH) X(WITH_EXIT) X(WITH_EXIT_ASYNC)                          \
    X(IMPORT_NAME) X(IMPORT_FROM) X(BUILD_CLASS) X(SETUP_ANNOTATIONS) X(GEN_START)

enum class Op : uint8_t {
#define X(name) name,
    LOOPLAB_OPCODES(X)
#undef X
};
const char* op_name(Op op);

// MAKE_FUNCTION flags (as CPython's).
constexpr uint32_t kFuncDefaults = 1, kFuncKwDefaults = 2, kFuncClosure = 8;
// FORMAT_VALUE flags: conversion in the low 2 bits, 4 = a format spec is on the stack.
constexpr uint32_t kFormatNone = 0, kFormatStr = 1, kFormatRepr = 2, kFormatAscii = 3, kFormatWithSpec = 4;

inline uint32_t encode(Op op, uint32_t arg = 0) { return uint32_t(op) | (arg << 8); }
inline Op op_of(uint32_t ins) { return Op(ins & 0xff); }
inline uint32_t arg_of(uint32_t ins) { return ins >> 8; }

struct Code : Object {
    Code();
    std::string name, qualname, filename;
    std::vector<uint32_t> code;
    std::vector<int32_t> lines;  // source line of each instruction
    std::vector<Value> consts;
    std::vector<Str*> names;           // globals, attributes, imports (interned, immortal)
    std::vector<std::string> varnames; // fast locals; arguments first
    std::vector<std::string> cellvars; // locals captured by inner functions
    std::vector<std::string> freevars; // captured from enclosing functions
    std::vector<int32_t> cell2arg;     // for each cellvar, the argument it starts as, or -1
    int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    bool varargs = false, varkeywords = false;
    bool is_coroutine = false, is_generator = false, is_async_generator = false;
    bool uses_locals_dict = false;  // module and class bodies: names live in a dict
    int firstline = 0;
    int stacksize = 0;
    size_t nlocals() const { return varnames.size(); }
    size_t ncells() const { return cellvars.size() + freevars.size(); }
    int line_at(size_t pc) const { return pc < lines.size() ? lines[pc] : firstline; }
    // Column spans of the instructions a traceback frame can stop at whose source span
    // CPython's co_positions() gives the same (binary operations, subscripts, attribute and
    // name loads, calls, comparisons, awaits), in pc order; others have none (no carets).
    struct ColumnEntry {
        uint32_t pc;
        ColumnSpan span;
    };
    std::vector<ColumnEntry> columns;
    ColumnSpan column_at(size_t pc) const;
};

// A function value: code + globals + defaults + closure.
struct Function : Object {
    explicit Function(Ref<Code> code, Dict* globals);
    ~Function() override;
    Ref<Code> code;
    Dict* globals;       // owned reference
    Value defaults;      // tuple or undefined
    Value kwdefaults;    // dict or undefined
    Value closure;       // tuple of cells or undefined
    std::string name, qualname;
    Value doc;
    Dict* attrs = nullptr;  // __dict__ (functools.wraps writes __wrapped__...), created lazily
    Value module_name;
};

}  // namespace looplab::py
