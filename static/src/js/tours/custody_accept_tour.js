/** @odoo-module **/
import {registry} from "@web/core/registry";

/* An employee, on a phone, accepts the laptop IT checked out to them from
   the card of My IT Assets. */
registry.category("web_tour.tours").add("it_asset_custody_accept_phone_tour", {
    steps: () => [
        {
            content: "My IT Assets shows cards on a phone",
            trigger: ".o_kanban_view .o_kanban_record:contains('Tour Phone Laptop')",
        },
        {
            content: "Nothing scrolls sideways",
            trigger: ".o_kanban_view .o_kanban_record:contains('Waiting Acceptance')",
            run() {
                const page = document.documentElement;
                if (page.scrollWidth > window.innerWidth + 1) {
                    throw new Error(
                        `The page is ${page.scrollWidth}px wide on a ${window.innerWidth}px screen`
                    );
                }
            },
        },
        {
            content: "Accept it from the card",
            trigger: ".o_kanban_record:contains('Tour Phone Laptop') button[name=action_accept]",
            run: "click",
        },
        {
            content: "The custody is active",
            trigger: ".o_kanban_record:contains('Tour Phone Laptop'):contains('Active')",
        },
        {
            trigger: ".o_kanban_view:not(:has(button[name=action_accept]))",
        },
    ],
});
