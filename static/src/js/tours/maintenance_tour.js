/** @odoo-module **/
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("it_asset_maintenance_history_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the IT Assets app",
            trigger: '.o_app[data-menu-xmlid="it_asset.it_asset_menu_root"]',
            run: "click",
        },
        {
            content: "Search the server",
            trigger: ".o_searchview_input",
            run: "edit Tour Maintenance Server",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open it",
            trigger: ".o_data_row td[name=name]:contains('Tour Maintenance Server')",
            run: "click",
        },
        {
            content: "It is in repair while its failure is open",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Repair')",
        },
        {
            content: "Open the maintenance tab",
            trigger: ".o_notebook .nav-link:contains('Maintenance')",
            run: "click",
        },
        {
            content: "The history lists both requests",
            trigger:
                ".o_field_widget[name=maintenance_request_ids] .o_data_row:contains('Tour PSU failure')",
        },
        {
            trigger:
                ".o_field_widget[name=maintenance_request_ids] .o_data_row:contains('Tour dust cleaning')",
        },
        {
            content: "The total maintenance cost",
            trigger: ".o_field_widget[name=maintenance_cost]:contains('75.00')",
        },
        {
            content: "Open the requests from the smart button",
            trigger: "button[name=action_view_maintenance_requests]",
            run: "click",
        },
        {
            content: "The requests of the asset",
            trigger: ".o_list_view .o_data_row:contains('Tour PSU failure')",
        },
    ],
});
