/** @odoo-module **/
import {registry} from "@web/core/registry";

/* A warehouse user receives two serialised laptops through the Receipts
   screen; the register follows (checked by the test), out of their sight. */
registry.category("web_tour.tours").add("it_asset_stock_receipt_tour", {
    steps: () => [
        {
            content: "Add a line to the receipt",
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_id] input",
            run: "edit Tour Receipt Laptop",
        },
        {
            trigger: ".ui-menu-item > a:contains('Tour Receipt Laptop')",
            run: "click",
        },
        {
            content: "Mark as To Do",
            trigger: ".btn-primary[name=action_confirm]",
            run: "click",
        },
        {
            content: "Open the detailed operations",
            trigger: ".fa-list",
            run: "click",
        },
        {
            trigger: "h4:contains('Stock move')",
            run: "click",
        },
        {
            content: "First serial",
            trigger: ".modal .o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=lot_name] input",
            run: "edit TOUR-RCV-1",
        },
        {
            trigger: ".modal .o_field_widget[name=quantity] input",
            run: "edit 1",
        },
        {
            content: "Second serial",
            trigger: ".modal .o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            // The new row, not the first one still selected while its onchange runs.
            trigger: ".modal .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=lot_name] input",
            run: "edit TOUR-RCV-2",
        },
        {
            trigger: ".modal .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=quantity] input",
            run: "edit 1",
        },
        {
            trigger: ".modal button:contains(save)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_optional_columns_dropdown_toggle",
            run: "click",
        },
        {
            trigger: 'input[name="picked"]',
            content: "Show the picked column",
            run: "check",
        },
        {
            trigger: ".o_data_cell[name=picked]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=picked] input",
            run: "check",
        },
        {
            content: "Validate the receipt",
            trigger: ".btn-primary[name=button_validate]",
            run: "click",
        },
        {
            content: "The receipt is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "Print the labels of the two laptops received",
            trigger: ".o_form_view button[name=action_it_asset_print_labels]",
            run: "click",
        },
        {
            content: "The label dialog says what it prints",
            trigger: ".modal .modal-title:contains('Asset Labels')",
        },
        {
            trigger: ".modal .o_field_widget[name=label_count]:contains(2)",
        },
        {
            content: "On the label roll",
            trigger: ".modal .o_field_widget[name=label_format] input[data-value=roll_62x29]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=page_count]:contains(2)",
        },
        {
            content: "Print (wkhtmltopdf renders the PDF)",
            trigger: ".modal-footer button[name=action_print]",
            run: "click",
        },
        {
            content: "The dialog closes on the download, no error",
            trigger: "body:not(:has(.modal)):not(:has(.o_error_dialog))",
        },
        {
            content: "The IT asset button is not shown to warehouse staff",
            trigger: ".o_form_view:not(:has(button[name=action_view_it_assets]))",
        },
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Inventory is there, IT Assets is not",
            trigger: ".o-dropdown--menu .o_app:contains('Inventory')",
        },
        {
            // (they do have "My IT Assets", as every employee)
            trigger:
                ".o-dropdown--menu:not(:has(.o_app[data-menu-xmlid='it_asset.it_asset_menu_root']))",
        },
    ],
});
