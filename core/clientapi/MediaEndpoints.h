#pragma once

namespace trellis::clientapi {

class Router;
struct ClientApiServices;

/// client-server-api "Content repository": upload, download and thumbnails on the
/// authenticated /_matrix/client/v1/media paths and the legacy /_matrix/media/v3 ones, and
/// the upload limit (config). A thumbnail is the original file for now.
void registerMediaEndpoints(Router &router, ClientApiServices &services);

} // namespace trellis::clientapi
