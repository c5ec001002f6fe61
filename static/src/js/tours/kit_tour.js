/** @odoo-module **/
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("it_asset_kit_tour", {
    steps: () => [
        {
            content: "The laptop's components are on its form",
            trigger: ".o_notebook .nav-link:contains('Components')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=child_ids] .o_data_row:contains('Tour Dock')",
        },
        {
            content: "Check the kit out",
            trigger: ".o_form_view button[name=action_open_checkout]",
            run: "click",
        },
        {
            content: "To an employee",
            trigger: ".modal .o_field_widget[name=employee_id] input",
            run: "edit Tour Kit Holder",
        },
        {
            trigger: ".ui-menu-item > a:contains('Tour Kit Holder')",
            run: "click",
        },
        {
            content: "Confirm the check-out",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The kit is in use, held by the employee",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Use')",
        },
        {
            trigger: ".o_field_widget[name=holder_name]:contains('Tour Kit Holder')",
        },
        {
            content: "The dock went with it",
            trigger: ".o_field_widget[name=child_ids] .o_data_row:contains('Tour Dock'):contains('In Use')",
        },
    ],
});

registry.category("web_tour.tours").add("it_asset_kit_component_tour", {
    steps: () => [
        {
            content: "A component out with its kit offers no check-in of its own",
            trigger: ".o_form_view:not(:has(button[name=action_open_checkin])):has(button[name=action_detach_from_kit])",
        },
        {
            trigger: ".o_field_widget[name=holder_name]:contains('Tour Kit Holder')",
        },
        {
            content: "Detach it from the kit",
            trigger: ".o_form_view button[name=action_detach_from_kit]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "It is checked in on its own from now on",
            trigger: ".o_form_view button[name=action_open_checkin]",
            run: "click",
        },
        {
            content: "Confirm the check-in",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dock is back in stock",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Stock')",
        },
    ],
});
