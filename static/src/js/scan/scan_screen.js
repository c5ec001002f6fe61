/** @odoo-module **/
import {Component, onWillStart, useRef, useState} from "@odoo/owl";
import {ConfirmationDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {_t} from "@web/core/l10n/translation";
import {isBarcodeScannerSupported} from "@web/core/barcode/barcode_video_scanner";
import {registry} from "@web/core/registry";
import {scanBarcode} from "@web/core/barcode/barcode_dialog";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useBus, useService} from "@web/core/utils/hooks";

/* The Scan screen (phone first): a code from a keyboard-wedge scanner (the
   barcodes service), the phone's camera (Odoo's barcode dialog) or typed,
   finds the asset (it.asset.audit._scan_result_for_code) or, with a campaign
   chosen, records it there (it.asset.audit.record_scan). */
export class ItAssetScanScreen extends Component {
    static template = "it_asset.ScanScreen";
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.dialog = useService("dialog");
        this.inputRef = useRef("codeInput");
        const params = this.props.action.params || {};
        const context = this.props.action.context || {};
        this.state = useState({
            code: "",
            busy: false,
            reply: null,
            history: [],
            campaigns: [],
            auditId: params.audit_id || context.default_audit_id || false,
            progress: null,
            locations: [],
            locationId: false,
        });
        this.cameraSupported = isBarcodeScannerSupported();
        useBus(useService("barcode").bus, "barcode_scanned", (ev) =>
            this.onCode(ev.detail.barcode)
        );
        onWillStart(() => this.loadCampaigns());
    }

    async loadCampaigns() {
        this.state.campaigns = await this.orm.call("it.asset.audit", "scan_campaigns", []);
        this.selectCampaign(this.state.auditId);
    }

    /* A campaign brings the locations of its scope ("Where you are"),
       starting from its only location when it has one. */
    selectCampaign(auditId) {
        const audit = this.state.campaigns.find((c) => c.id === auditId);
        this.state.auditId = audit ? audit.id : false;
        this.state.progress = audit || null;
        this.state.locations = audit ? audit.locations : [];
        this.state.locationId = audit ? audit.location_id : false;
    }

    onChangeCampaign(ev) {
        this.selectCampaign(parseInt(ev.target.value, 10) || false);
        this.state.reply = null;
    }

    onChangeLocation(ev) {
        this.state.locationId = parseInt(ev.target.value, 10) || false;
    }

    onInputKeydown(ev) {
        if (ev.key === "Enter") {
            ev.preventDefault();
            this.onSubmit();
        }
    }

    onSubmit() {
        // the field may hold a value OWL never saw (pasted or autofilled in
        // one input event): read and clear the element itself
        const code = this.inputRef.el?.value ?? this.state.code;
        this.state.code = "";
        if (this.inputRef.el) {
            this.inputRef.el.value = "";
        }
        return this.onCode(code);
    }

    async onCamera() {
        let code = null;
        try {
            code = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message || String(error), {type: "danger"});
            return;
        }
        if (code) {
            await this.onCode(code);
        }
    }

    async onCode(code) {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            const reply = this.state.auditId
                ? await this.orm.call(
                      "it.asset.audit",
                      "record_scan",
                      [[this.state.auditId], code],
                      {location_id: this.state.locationId}
                  )
                : await this.orm.call("it.asset", "scan_lookup", [code]);
            this.state.reply = reply;
            if (reply.audit) {
                this.state.progress = reply.audit;
            }
            this.state.history.unshift({
                key: `${Date.now()}-${this.state.history.length}`,
                kind: reply.kind,
                label: reply.asset ? reply.asset.tag : reply.code || code.slice(0, 40),
            });
            this.state.history.splice(8);
        } finally {
            this.state.busy = false;
            this.inputRef.el?.focus();
        }
    }

    async openWizard(method) {
        const asset = this.state.reply.asset;
        const action = await this.orm.call("it.asset", method, [[asset.id]]);
        await this.action.doAction(action, {onClose: () => this.refreshCard()});
    }

    async refreshCard() {
        const asset = this.state.reply?.asset;
        if (asset) {
            const reply = await this.orm.call("it.asset", "scan_lookup", [asset.tag]);
            this.state.reply = {...this.state.reply, asset: reply.asset};
        }
    }

    onCheckout() {
        return this.openWizard("action_open_checkout");
    }

    onCheckin() {
        return this.openWizard("action_open_checkin");
    }

    onReport() {
        return this.openWizard("action_scan_report_failure");
    }

    onOpenAsset() {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "it.asset",
            res_id: this.state.reply.asset.id,
            views: [[false, "form"]],
        });
    }

    onCreateAsset() {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "it.asset",
            views: [[false, "form"]],
            context: {default_serial_number: this.state.reply.code},
        });
    }

    onOpenAudit() {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "it.asset.audit",
            res_id: this.state.auditId,
            views: [[false, "form"]],
        });
    }

    onCloseCampaign() {
        const audit = this.state.progress;
        this.dialog.add(ConfirmationDialog, {
            title: _t("Close %s", audit.name),
            body: _t(
                "%(found)s of %(expected)s expected assets found. The others become Missing (unless left as they are). Close the campaign?",
                {found: audit.found, expected: audit.expected}
            ),
            confirmLabel: _t("Close Campaign"),
            confirm: async () => {
                await this.orm.call("it.asset.audit", "action_close", [[audit.id]]);
                this.notification.add(_t("%s closed.", audit.name), {type: "success"});
                this.state.auditId = false;
                this.state.reply = null;
                await this.loadCampaigns();
            },
            cancel: () => {},
        });
    }

    get alertClass() {
        return (
            {
                found: "alert-success",
                found_elsewhere: "alert-warning",
                duplicate: "alert-info",
                unknown: "alert-warning",
                refused: "alert-danger",
                invalid: "alert-danger",
            }[this.state.reply?.kind] || "alert-secondary"
        );
    }

    get kindLabel() {
        return {
            found: _t("Found"),
            found_elsewhere: _t("Found elsewhere"),
            duplicate: _t("Already scanned"),
            unknown: _t("Unknown code"),
            refused: _t("Refused"),
            invalid: _t("Not a code"),
        };
    }
}

registry.category("actions").add("it_asset.scan", ItAssetScanScreen);
