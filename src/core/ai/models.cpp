#include "core/ai/models.h"

#include <charconv>

#include "core/validation.h"

namespace textura::core {

const Model* ModelCatalog::Find(std::string_view id) const {
  for (const Model& m : models_) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const Model& ModelCatalog::Default() const {
  for (const Model& m : models_) {
    if (m.is_default) return m;
  }
  return models_.front();
}

namespace {

constexpr std::int64_t kMaxPrice = 1'000'000'000;

Error Bad(std::string message) {
  return Error::Validation("models", std::move(message));
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '/' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<ModelCatalog> ParseModelCatalog(std::string_view spec, std::string_view default_id) {
  std::vector<Model> models;
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const std::string entry = Trim(spec.substr(0, comma));
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    if (entry.empty()) continue;
    const auto eq = entry.find('=');
    const auto colon = entry.rfind(':');
    if (eq == std::string::npos || colon == std::string::npos || colon < eq) {
      return Bad("each model is id=Name:price_per_1000_words_in_kopecks, got \"" + entry + "\"");
    }
    Model m;
    m.id = Trim(std::string_view(entry).substr(0, eq));
    m.name = Trim(std::string_view(entry).substr(eq + 1, colon - eq - 1));
    const std::string price = Trim(std::string_view(entry).substr(colon + 1));
    const auto [p, ec] =
        std::from_chars(price.data(), price.data() + price.size(), m.price_per_1000_words_minor);
    if (!ValidId(m.id)) return Bad("model id \"" + m.id + "\" is not a valid name");
    if (m.name.empty()) m.name = m.id;
    if (ec != std::errc() || p != price.data() + price.size() || m.price_per_1000_words_minor < 0 ||
        m.price_per_1000_words_minor > kMaxPrice) {
      return Bad("the price of " + m.id + " must be an integer from 0 to 1000000000 kopecks");
    }
    for (const Model& other : models) {
      if (other.id == m.id) return Bad("model " + m.id + " is listed twice");
    }
    models.push_back(std::move(m));
  }
  if (models.empty()) return Bad("the catalog lists no models");
  Model* chosen = &models.front();
  if (!default_id.empty()) {
    chosen = nullptr;
    for (Model& m : models) {
      if (m.id == default_id) chosen = &m;
    }
    if (!chosen) {
      if (!ValidId(default_id)) return Bad("the default model is not a valid name");
      Model added{std::string(default_id), std::string(default_id),
                  models.front().price_per_1000_words_minor, false};
      models.push_back(std::move(added));
      chosen = &models.back();
    }
  }
  chosen->is_default = true;
  return ModelCatalog(std::move(models));
}

}  // namespace textura::core
