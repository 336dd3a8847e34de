// Library frames in tracebacks (interp/src/library_frames.cpp): asyncio's wait_for frame that
// 3.11 shows between the caller's and the awaitable's. Checked against CPython too by
// tests/interp/scenarios/edge_wait_for_traceback_frame.py.
#include <catch2/catch.hpp>

#include "looplab/py/library_frames.hpp"
#include "text_test_support.hpp"

using namespace looplab::py;
using looplab::testing::run_python;

TEST_CASE("library frames have CPython's file, line and source", "[traceback]") {
    SECTION("the wait_for frame's source line is tasks.py line 479 as in the file") {
        CHECK(library_source_line("/usr/lib/python3.11/asyncio/tasks.py", 479) == "            return fut.result()");
        CHECK(library_source_line("/usr/lib/python3.11/asyncio/tasks.py", 478) == "");
        CHECK(library_source_line("other.py", 479) == "");
    }
    SECTION("an exception out of wait_for lists it, with its caret line") {
        auto r = run_python(
            "import asyncio, traceback\n"
            "async def job():\n"
            "    raise ValueError('x')\n"
            "async def main():\n"
            "    try:\n"
            "        await asyncio.wait_for(job(), 1)\n"
            "    except ValueError as e:\n"
            "        print(traceback.format_exc(), end='')\n"
            "        print(e.__traceback__.tb_next.tb_frame.f_code.co_name)\n"
            "asyncio.run(main())\n");
        CHECK(r.err == "");
        CHECK(r.out ==
              "Traceback (most recent call last):\n"
              "  File \"case.py\", line 6, in main\n"
              "    await asyncio.wait_for(job(), 1)\n"
              "  File \"/usr/lib/python3.11/asyncio/tasks.py\", line 479, in wait_for\n"
              "    return fut.result()\n"
              "           ^^^^^^^^^^^^\n"
              "  File \"case.py\", line 3, in job\n"
              "    raise ValueError('x')\n"
              "ValueError: x\n"
              "wait_for\n");
    }
}
