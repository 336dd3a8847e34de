#include "looplab/trace_export.hpp"
