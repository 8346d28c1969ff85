#pragma once

struct ApiContext;

// The flex dialect (API.md, "flex dialect"): an encoder's optional single-password auth.
// The password is the built-in admin account's; its presence enables authentication.
namespace FlexApi {
void registerRoutes(const ApiContext& api);
}
