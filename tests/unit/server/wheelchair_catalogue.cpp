// wheelchairCatalogue: the catalogue file's shape (docs/catalog-format.md) at its smallest.
#include "tests/unit/server/wheelchair_catalogue.hpp"

#include <string>

namespace okienko::test
{

protocol::Json wheelchairCatalogue(int units)
{
    using protocol::Json;
    Json unitList = Json::array();
    for (int i = 1; i <= units; ++i)
        unitList.push_back(
            {{"inventory_number", "TST-" + std::to_string(i)}, {"type_id", "wozek"}, {"state", "available"}});
    return Json{{"format_version", 1},
                {"municipality", {{"id", "t"}, {"name", {{"pl", "Gmina"}}}, {"cus_name", {{"pl", "CUS"}}}}},
                {"services", Json::array()},
                {"equipment_types", Json::array({{{"id", "wozek"},
                                                  {"category", "mobility"},
                                                  {"name", {{"pl", "Wózek"}}},
                                                  {"description", {{"pl", "Opis"}}},
                                                  {"default_loan_days", 30},
                                                  {"max_loan_days", 90}}})},
                {"units", unitList}};
}

} // namespace okienko::test
