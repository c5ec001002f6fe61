/** @odoo-module **/
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("it_asset_create_asset_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the IT Assets app",
            trigger: '.o_app[data-menu-xmlid="it_asset.it_asset_menu_root"]',
            run: "click",
        },
        {
            content: "The register opens on its list",
            trigger: ".o_list_view",
        },
        {
            content: "Create an asset",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour Laptop 15",
        },
        {
            trigger: ".o_field_widget[name=category_id] input",
            run: "edit Laptops",
        },
        {
            trigger: ".ui-menu-item > a:contains('Laptops')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=serial_number] input",
            run: "edit TOUR-SN-0001",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The tag is given on save",
            trigger: ".o_field_widget[name=tag]:contains('ITA-')",
        },
        {
            content: "Back to the register",
            trigger: ".o_back_button, .breadcrumb-item:not(.active) a",
            run: "click",
        },
        {
            content: "Search the new asset",
            trigger: ".o_searchview_input",
            run: "edit TOUR-SN-0001",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Its tag is in the list",
            trigger: ".o_list_view .o_data_row:contains('Tour Laptop 15') td[name=tag]:contains('ITA-')",
        },
    ],
});
