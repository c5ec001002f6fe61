/** @odoo-module **/
import {registry} from "@web/core/registry";

// A finance user capitalises an asset from its form, reads its board, posts
// January from the Post Depreciation menu, then scraps it.
registry.category("web_tour.tours").add("it_asset_depreciation_tour", {
    steps: () => [
        {
            content: "The laptop is in use, not capitalised yet",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Use')",
        },
        {
            content: "Capitalise it",
            trigger: ".o_form_view .o_form_statusbar button[name=action_capitalise]",
            run: "click",
        },
        {
            content: "The dialog says what it does",
            trigger: ".modal .modal-title:contains('Capitalise')",
        },
        {
            content: "In service on 1 January 2026",
            trigger: ".modal .o_field_widget[name=in_service_date] input",
            run: "edit 01/01/2026",
        },
        {
            content: "Against the suspense account",
            trigger: ".modal .o_field_widget[name=account_id] input",
            run: "edit 471950",
        },
        {
            trigger: ".ui-menu-item > a:contains('Tour Suspense')",
            run: "click",
        },
        {
            trigger: ".modal-footer button[name=action_capitalise]",
            run: "click",
        },
        {
            content: "The capitalisation entry is on the asset",
            trigger: "body:not(:has(.modal)) .oe_stat_button[name=action_view_account_moves]:contains('1')",
        },
        {
            content: "Open its depreciation board",
            trigger: ".o_notebook .nav-link:contains('Depreciation')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=depreciation_state]:contains('Depreciating')",
        },
        {
            content: "36 monthly lines of 100.00",
            trigger:
                ".o_field_widget[name=depreciation_line_ids] .o_data_row:nth-child(36) td[name=amount]:contains('100.00')",
        },
        {
            trigger:
                ".o_field_widget[name=depreciation_line_ids] .o_data_row:first td[name=remaining]:contains('3,500.00')",
        },
        {
            content: "Post January from IT Assets > Accounting > Post Depreciation",
            trigger: ".o_main_navbar button[data-menu-xmlid='it_asset.it_asset_menu_accounting']",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='it_asset.it_asset_post_depreciation_menu']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=date] input",
            run: "edit 01/31/2026",
        },
        {
            content: "For this laptop only",
            trigger: ".modal .o_field_widget[name=asset_ids] input",
            run: "edit Tour Depreciation Laptop",
        },
        {
            trigger: ".ui-menu-item > a:contains('Tour Depreciation Laptop')",
            run: "click",
        },
        {
            trigger: ".modal-footer button[name=action_post]",
            run: "click",
        },
        {
            content: "One line posted in one entry, said in a notification",
            trigger:
                ".o_notification:contains('1 depreciation lines posted in 1 journal entries.')",
        },
        {
            content: "The posted entry opens in the journal entries",
            trigger: "body:not(:has(.modal)) .o_breadcrumb:contains('Posted Depreciation')",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('TOUR/')",
        },
        {
            content: "Back to the laptop",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Tour Depreciation Laptop')",
            run: "click",
        },
        {
            content: "Scrap it",
            trigger: ".o_form_view .o_form_statusbar button[name=action_open_dispose_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .modal-title:contains('Dispose of')",
        },
        {
            trigger: ".modal .o_field_widget[name=date] input",
            run: "edit 03/31/2026",
        },
        {
            trigger: ".modal-footer button[name=action_dispose]",
            run: "click",
        },
        {
            content: "Disposed: its board is closed",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=depreciation_state]:contains('Disposed')",
        },
    ],
});
