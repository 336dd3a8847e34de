// The parser against CPython 3.11: trees (ast.dump, with and without positions), SyntaxError
// fields and printed form for hundreds of sources (parser_cases.inc, generated from CPython by
// parser_cases.py), plus LoopLab's own limits and unsupported constructs.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "looplab/py/parser.hpp"

using namespace looplab::py;

namespace {
struct ValidCase {
    const char* src;
    const char* dump;
    const char* dump_attrs;
};
struct ErrorCase {
    const char* src;
    const char* kind;
    const char* msg;
    int line, offset, end_line, end_offset;
    const char* printed;
};
#include "parser_cases.inc"

SyntaxErrorInfo error_of(const std::string& src) {
    try {
        parse(src, "x.py");
    } catch (ParseError& e) {
        return e.info;
    }
    FAIL("no SyntaxError for: " << src);
    return {};
}

std::string dump_of(const std::string& src) { return ast::dump(*parse(src, "x.py")); }
}  // namespace

TEST_CASE("parser matches CPython on the generated corpus", "[parser]") {
    SECTION("every valid source gives the tree ast.dump prints, positions included") {
        for (const ValidCase& c : kValidCases) {
            INFO("source: " << c.src);
            std::unique_ptr<ast::Module> m;
            REQUIRE_NOTHROW(m = parse(c.src, "x.py"));
            CHECK(ast::dump(*m) == c.dump);
            CHECK(ast::dump(*m, true) == c.dump_attrs);
        }
    }
    SECTION("every invalid source gives CPython's exception class, message, line and offsets") {
        REQUIRE(std::size(kErrorCases) >= 40);
        for (const ErrorCase& c : kErrorCases) {
            INFO("source: " << c.src);
            SyntaxErrorInfo e = error_of(c.src);
            CHECK(e.kind == c.kind);
            CHECK(e.message == c.msg);
            CHECK(e.line == c.line);
            CHECK(e.offset == c.offset);
            CHECK((e.end_line ? e.end_line : e.line) == c.end_line);
            CHECK(e.end_offset == c.end_offset);
            CHECK_FALSE(e.unsupported);
        }
    }
    SECTION("format_syntax_error prints exactly what CPython prints for each of them") {
        for (const ErrorCase& c : kErrorCases) {
            INFO("source: " << c.src);
            CHECK(format_syntax_error(error_of(c.src), "x.py") == c.printed);
        }
    }
}

TEST_CASE("constructs LoopLab does not support are rejected by name", "[parser]") {
    SECTION("a match statement names the construct and its line") {
        SyntaxErrorInfo e = error_of("x = 1\n\n\nmatch x:\n    case 1:\n        pass\n");
        CHECK(e.unsupported);
        CHECK(e.line == 4);
        CHECK(e.message == "LoopLab does not support 'match' statements (line 4)");
        CHECK(format_syntax_error(e, "s.py") ==
              "  File \"s.py\", line 4\n    match x:\n    ^^^^^^^^\n"
              "SyntaxError: LoopLab does not support 'match' statements (line 4)\n");
    }
    SECTION("match used as an ordinary name still works") {
        CHECK_NOTHROW(parse("match = re.match(p, s)\nmatch(x)\nmatch[0] = 1\nprint(match)\n", "x.py"));
    }
    SECTION("an imaginary literal is rejected") {
        SyntaxErrorInfo e = error_of("x = 1\ny = 2j\n");
        CHECK(e.unsupported);
        CHECK(e.line == 2);
        CHECK(e.message == "LoopLab does not support imaginary numbers (complex literals) (line 2)");
    }
    SECTION("an integer literal beyond 64 bits is rejected, the largest one is not") {
        SyntaxErrorInfo e = error_of("x = 9223372036854775808\n");
        CHECK(e.unsupported);
        CHECK(e.message == "integer literal too large for LoopLab (64-bit ints)");
        CHECK(e.offset == 5);
        CHECK(dump_of("x = 9223372036854775807\n").find("value=9223372036854775807") != std::string::npos);
        CHECK(dump_of("x = 0x7fffffffffffffff\n").find("value=9223372036854775807") != std::string::npos);
        CHECK(error_of("x = 0x8000000000000000\n").unsupported);
    }
    SECTION("a \\N{...} escape is rejected") {
        SyntaxErrorInfo e = error_of("s = 'a\\N{EM DASH}b'\n");
        CHECK(e.unsupported);
        CHECK(e.message == "LoopLab does not support \\N{...} escapes in string literals (line 1)");
    }
}

TEST_CASE("the AST follows Python's ast module", "[parser]") {
    SECTION("async variants share the struct of their sync twin and differ by kind") {
        auto m = parse("async def f():\n    async for a in b: pass\n    async with c: pass\n", "x.py");
        const auto& f = m->body[0]->as<ast::FunctionDef>();
        CHECK(m->body[0]->kind == ast::StmtKind::AsyncFunctionDef);
        CHECK(f.name == "f");
        CHECK(f.body[0]->kind == ast::StmtKind::AsyncFor);
        CHECK(f.body[0]->as<ast::For>().target->as<ast::Name>().ctx == ast::ExprContext::Store);
        CHECK(f.body[1]->kind == ast::StmtKind::AsyncWith);
    }
    SECTION("try with except* is a TryStar") {
        auto m = parse("try:\n    pass\nexcept* ValueError as e:\n    pass\n", "x.py");
        CHECK(m->body[0]->kind == ast::StmtKind::TryStar);
        const auto& t = m->body[0]->as<ast::Try>();
        REQUIRE(t.handlers.size() == 1);
        CHECK(t.handlers[0].name == std::optional<std::string>("e"));
        CHECK(t.handlers[0].pos.line == 3);
    }
    SECTION("constants carry their Python values") {
        auto m = parse("(None, True, 7, 2.5, 'ü', b'\\xff', ...)\n", "x.py");
        const auto& t = m->body[0]->as<ast::ExprStmt>().value->as<ast::Tuple>();
        using T = ast::ConstValue::Type;
        const auto& v = [&](size_t i) -> const ast::ConstValue& { return t.elts[i]->as<ast::Constant>().value; };
        CHECK(v(0).type == T::None);
        CHECK((v(1).type == T::Bool && v(1).b));
        CHECK((v(2).type == T::Int && v(2).i == 7));
        CHECK((v(3).type == T::Float && v(3).f == 2.5));
        CHECK((v(4).type == T::Str && v(4).s == "\xc3\xbc"));
        CHECK((v(5).type == T::Bytes && v(5).s == "\xff"));
        CHECK(v(6).type == T::Ellipsis);
    }
    SECTION("float literals are correctly rounded") {
        auto val = [](const char* src) {
            auto m = parse(src, "x.py");
            return m->body[0]->as<ast::ExprStmt>().value->as<ast::Constant>().value.f;
        };
        CHECK(val("0.1\n") == 0.1);
        CHECK(val("2.2250738585072014e-308\n") == 2.2250738585072014e-308);
        CHECK(val("5e-324\n") == 5e-324);
        CHECK(val("1_000.5e-1_0\n") == 1000.5e-10);
        CHECK(val("1e400\n") == HUGE_VAL);
        CHECK(val("9007199254740993.0\n") == 9007199254740992.0);
    }
    SECTION("a self-documenting f-string field becomes text plus a repr field") {
        CHECK(dump_of("f'{seconds=}'\n") ==
              "Module(body=[Expr(value=JoinedStr(values=[Constant(value='seconds='), "
              "FormattedValue(value=Name(id='seconds', ctx=Load()), conversion=114)]))], type_ignores=[])");
    }
    SECTION("expressions inside a multi-line f-string point at their own lines") {
        auto m = parse("x = f'''\nline {a}\n  {b:>{w}}'''\n", "x.py");
        const auto& j = m->body[0]->as<ast::Assign>().value->as<ast::JoinedStr>();
        const auto& a = j.values[1]->as<ast::FormattedValue>().value->pos;
        const auto& fb = j.values[3]->as<ast::FormattedValue>();
        CHECK((a.line == 2 && a.col == 6));
        CHECK((fb.value->pos.line == 3 && fb.value->pos.col == 3));
        const auto& w = fb.format_spec->as<ast::JoinedStr>().values[1]->as<ast::FormattedValue>().value->pos;
        CHECK((w.line == 3 && w.col == 7));
    }
    SECTION("the 1if-style number is accepted with CPython's SyntaxWarning") {
        std::vector<SyntaxWarningInfo> w;
        CHECK_NOTHROW(parse("x = 1\ny = 1if x else 2\n", "x.py", &w));
        REQUIRE(w.size() == 1);
        CHECK(w[0].message == "invalid decimal literal");
        CHECK(w[0].line == 2);
    }
}

TEST_CASE("UTF-8 source text", "[parser]") {
    SECTION("Chinese and Ukrainian in strings, comments and identifiers") {
        const char* src =
            "# Коментар українською, 中文注释\n"
            "привіт = '你好, світ'  # ще коментар\n"
            "名字 = f'{привіт}!'\n"
            "print(名字, 'Їжак', sep='—')\n";
        CHECK(dump_of(src) ==
              "Module(body=[Assign(targets=[Name(id='привіт', ctx=Store())], value=Constant(value='你好, світ')), "
              "Assign(targets=[Name(id='名字', ctx=Store())], value=JoinedStr(values=[FormattedValue("
              "value=Name(id='привіт', ctx=Load()), conversion=-1), Constant(value='!')])), "
              "Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='名字', ctx=Load()), "
              "Constant(value='Їжак')], keywords=[keyword(arg='sep', value=Constant(value='—'))]))], "
              "type_ignores=[])");
    }
    SECTION("columns are byte offsets, as CPython's col_offset") {
        auto m = parse("s = 'ї' + x\n", "x.py");
        const auto& b = m->body[0]->as<ast::Assign>().value->as<ast::BinOp>();
        CHECK(b.right->pos.col == 11);
    }
    SECTION("a lookalike character in code is an invalid character, naming it") {
        SyntaxErrorInfo e = error_of("x = 1 – 2\n");
        CHECK(e.message == "invalid character '–' (U+2013)");
        CHECK(error_of("print（1）\n").message == "invalid character '（' (U+FF08)");
    }
    SECTION("invalid UTF-8 is CPython's Non-UTF-8 error naming the file") {
        SyntaxErrorInfo e;
        try {
            parse("x = 1\ny = '\xff'\n", "s.py");
        } catch (ParseError& err) {
            e = err.info;
        }
        CHECK(format_syntax_error(e, "s.py") ==
              "SyntaxError: Non-UTF-8 code starting with '\\xff' in file s.py on line 2, but no "
              "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
    }
    SECTION("a byte order mark and CRLF line ends are accepted") {
        CHECK(dump_of("\xef\xbb\xbfx = 1\r\nif x:\r\n    y = 2\r\n") == dump_of("x = 1\nif x:\n    y = 2\n"));
    }
}

TEST_CASE("deep nesting is a SyntaxError, never a stack overflow", "[parser]") {
    SECTION("200 nested parentheses parse; the 201st is CPython's tokenizer error") {
        std::string ok = std::string(200, '(') + "1" + std::string(200, ')') + "\n";
        CHECK_NOTHROW(parse(ok, "x.py"));
        SyntaxErrorInfo e = error_of(std::string(201, '(') + "1" + std::string(201, ')') + "\n");
        CHECK(e.message == "too many nested parentheses");
        CHECK(e.offset == 201);
    }
    SECTION("unary operators, not, lambda and conditional expressions nested 100000 deep") {
        for (std::string unit : {"-", "not ", "lambda: ", "~", "1 if x else ", "+"}) {
            std::string src;
            for (int i = 0; i < 100000; ++i) src += unit;
            src += "1\n";
            INFO("unit: " << unit);
            SyntaxErrorInfo e = error_of(src);
            CHECK(e.unsupported);
            CHECK(e.message.find("nested more than") != std::string::npos);
        }
    }
    SECTION("left-associative chains of 100000 links are bounded too") {
        for (std::string unit : {"+1", ".a", "()", "[0]", "**2", " or x", " < y"}) {
            std::string src = "x";
            for (int i = 0; i < 100000; ++i) src += unit;
            src += "\n";
            INFO("unit: " << unit);
            if (unit == " or x" || unit == " < y") {
                CHECK_NOTHROW(parse(src, "x.py"));  // flat nodes: BoolOp / Compare
            } else {
                CHECK(error_of(src).unsupported);
            }
        }
    }
    SECTION("a long elif chain and deep indentation") {
        std::string src = "if a:\n    pass\n";
        for (int i = 0; i < 5000; ++i) src += "elif a:\n    pass\n";
        CHECK(error_of(src).unsupported);
        std::string deep;
        for (int i = 0; i < 101; ++i) deep += std::string(size_t(i), ' ') + "if x:\n";
        deep += std::string(101, ' ') + "pass\n";
        SyntaxErrorInfo e = error_of(deep);
        CHECK(e.kind == "IndentationError");
        CHECK(e.message == "too many levels of indentation");
        CHECK(e.line == 101);
    }
    SECTION("nesting within the limit still parses") {
        std::string src;
        for (int i = 0; i < 500; ++i) src += "-";
        src += "1 + x" + std::string(300, '+') + "1\n";
        CHECK_NOTHROW(parse(src, "x.py"));
        std::string chain = "x";
        for (int i = 0; i < 900; ++i) chain += ".a";
        CHECK_NOTHROW(parse(chain + "\n", "x.py"));
    }
}

TEST_CASE("big inputs parse whole", "[parser]") {
    SECTION("5000 functions") {
        std::string src;
        for (int i = 0; i < 5000; ++i)
            src += "async def f" + std::to_string(i) + "(a, b=1):\n    x = [a + b * 2 for a in range(b)]\n"
                   "    await asyncio.sleep(0.1)\n    print(f'{x!r:>10} {a=}')\n";
        auto m = parse(src, "x.py");
        CHECK(m->body.size() == 5000);
    }
    SECTION("a 100,000-entry literal with long comments and strings parses whole") {
        // No timing here (tests never assert on time): a parser that is quadratic in the input
        // takes minutes on this input, and ctest's timeout reports it.
        const int n = 100000;
        std::string src = "data = [\n";
        for (int i = 0; i < n; ++i) src += "    {'k': " + std::to_string(i) + ", 'v': 'x' * 3},\n";
        src += "]\n" + std::string(size_t(n), '#') + "\ns = '" + std::string(size_t(n) * 20, 'a') + "'\n";
        auto m = parse(src, "x.py");
        REQUIRE(m->body.size() == 2);
        const auto& list = m->body[0]->as<ast::Assign>().value->as<ast::List>();
        CHECK(list.elts.size() == size_t(n));
    }
    SECTION("an error at the end of a big file is still reported at the right line") {
        std::string src;
        for (int i = 0; i < 20000; ++i) src += "x = " + std::to_string(i) + "\n";
        src += "if x\n    pass\n";
        SyntaxErrorInfo e = error_of(src);
        CHECK(e.message == "expected ':'");
        CHECK(e.line == 20001);
    }
}
