#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace textura::core {

// The id of the offline knowledge responder's model (docs/ai-employees.md).
inline constexpr std::string_view kKnowledgeModel = "textura-knowledge";

// A model an employee may use and what its words cost.
struct Model {
  std::string id;                               // what the provider calls it, e.g. "gpt-4o-mini"
  std::string name;                             // for people
  std::int64_t price_per_1000_words_minor = 0;  // kopecks per 1,000 words written
  bool is_default = false;
};

// The models employees may choose (a settings entry). Exactly one is the default.
class ModelCatalog {
 public:
  ModelCatalog() = default;
  explicit ModelCatalog(std::vector<Model> models) : models_(std::move(models)) {}

  const std::vector<Model>& models() const { return models_; }
  const Model* Find(std::string_view id) const;
  // The default model; the catalog is never empty once parsed.
  const Model& Default() const;

 private:
  std::vector<Model> models_;
};

// The built-in catalog: the knowledge responder and a few OpenAI-compatible names.
inline constexpr std::string_view kDefaultModelCatalog =
    "textura-knowledge=Textura Knowledge (offline):5000,"
    "gpt-4o-mini=GPT-4o mini:20000,"
    "gpt-4o=GPT-4o:90000";

// Parses "id=Name:price_minor,id=Name:price_minor,…" (price in kopecks per 1,000
// words, 0..10^9). The default is `default_id` when given (it is added, priced like the
// first entry, when missing), else the first entry. Errors name what is wrong.
Result<ModelCatalog> ParseModelCatalog(std::string_view spec, std::string_view default_id = {});

}  // namespace textura::core
