#include "gui/screenshot.hpp"

#include <cerrno>
#include <cstring>
#include <stb_image_write.h>

namespace looplab::gui {

bool write_png(const Image& image, const std::string& path, std::string& error) {
    if (image.width <= 0 || image.height <= 0) {
        error = "nothing was rendered";
        return false;
    }
    errno = 0;
    if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
        error = "cannot write " + path + (errno ? std::string(": ") + std::strerror(errno) : std::string());
        return false;
    }
    return true;
}

}  // namespace looplab::gui
