#pragma once
// Scope analysis (CPython Python/symtable.c): for every function, class, lambda and
// comprehension, which names are local, global, free (captured from an enclosing function)
// or cells (captured by an inner function). The compiler asks it how to load each name.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "looplab/py/ast.hpp"
#include "looplab/py/parser.hpp"

namespace looplab::py {

enum class Scope : uint8_t { local, global_explicit, global_implicit, free, cell };

struct SymbolTable {
    enum class Kind : uint8_t { module, function, klass, comprehension };
    Kind kind = Kind::module;
    std::string name;
    SymbolTable* parent = nullptr;
    std::vector<std::unique_ptr<SymbolTable>> children;
    bool is_async = false;      // async def (or a comprehension containing await)
    bool is_generator = false;  // contains yield
    bool has_await = false;     // contains await directly
    bool needs_class_cell = false;  // a class whose methods use super()/__class__
    // Names in order of first appearance (deterministic slot numbers).
    std::vector<std::string> order;
    std::map<std::string, int> flags;  // DEF_* bits below
    std::map<std::string, Scope> scopes;
    std::vector<std::string> params;
    static constexpr int kDefLocal = 1, kDefParam = 2, kDefGlobal = 4, kDefNonlocal = 8, kUse = 16,
                         kDefFreeClass = 32;
    Scope scope_of(const std::string& name) const;
};

// Builds the tables for a module; maps every function/class/lambda/comprehension node to its
// table. Throws ParseError (kind SyntaxError) for scoping errors CPython reports at compile
// time (nonlocal at module level, no binding for nonlocal, name used before global...).
struct SymbolTables {
    std::unique_ptr<SymbolTable> top;
    std::map<const void*, SymbolTable*> by_node;
};
SymbolTables build_symbol_tables(const ast::Module& m, std::string_view filename,
                                 std::string_view source);

}  // namespace looplab::py
