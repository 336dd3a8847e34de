#pragma once
// PNG output of a rendered frame (stb_image_write from Debian's libstb).
#include <string>

#include "gui/platform.hpp"

namespace looplab::gui {

// Writes `image` as a PNG; false with a reason in `error` when the file cannot be written.
bool write_png(const Image& image, const std::string& path, std::string& error);

}  // namespace looplab::gui
