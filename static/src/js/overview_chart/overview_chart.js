/** @odoo-module **/
import {Component, onWillStart, useEffect, useRef} from "@odoo/owl";
import {loadBundle} from "@web/core/assets";
import {getColor} from "@web/core/colors/colors";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/* A chart of the IT Assets overview: the JSON of a computed field (see
   lib/overview_charts.py) drawn with the Chart.js bundled in Odoo. A click on
   a bar opens the records it counts. */
export class ItAssetChartField extends Component {
    static template = "it_asset.ItAssetChartField";
    static props = {...standardFieldProps};

    setup() {
        this.canvasRef = useRef("canvas");
        this.action = useService("action");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
                return () => this.chart && this.chart.destroy();
            },
            () => [this.props.record.data[this.props.name]]
        );
    }

    get spec() {
        return JSON.parse(this.props.record.data[this.props.name] || "{}");
    }

    get isEmpty() {
        const spec = this.spec;
        return !(spec.datasets || []).some((dataset) => dataset.data.some((value) => value));
    }

    renderChart() {
        if (this.chart) {
            this.chart.destroy();
            this.chart = null;
        }
        const spec = this.spec;
        if (!this.canvasRef.el || this.isEmpty) {
            return;
        }
        const scales = {
            x: {stacked: spec.stacked, ticks: {autoSkip: false, maxRotation: 60}},
            y: {
                stacked: spec.stacked,
                beginAtZero: true,
                title: {display: Boolean(spec.axes.y), text: spec.axes.y},
            },
        };
        if (spec.datasets.some((dataset) => dataset.axis === "y1")) {
            scales.y1 = {
                position: "right",
                beginAtZero: true,
                grid: {drawOnChartArea: false},
                title: {display: Boolean(spec.axes.y1), text: spec.axes.y1},
            };
        }
        this.chart = new Chart(this.canvasRef.el, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map((dataset, index) => ({
                    label: dataset.label,
                    data: dataset.data,
                    yAxisID: dataset.axis,
                    backgroundColor: dataset.color || getColor(index + 1, null, "odoo"),
                })),
            },
            options: {
                maintainAspectRatio: false,
                responsive: true,
                scales,
                plugins: {legend: {display: spec.datasets.length > 1, position: "bottom"}},
                onClick: (_event, elements) => this.openRecords(elements),
                onHover: (event, elements) => {
                    event.native.target.style.cursor = elements.length ? "pointer" : "default";
                },
            },
        });
    }

    openRecords(elements) {
        if (!elements.length) {
            return;
        }
        const {datasetIndex, index} = elements[0];
        const spec = this.spec;
        const domain = spec.datasets[datasetIndex].domains[index];
        if (!domain) {
            return;
        }
        this.action.doAction({
            type: "ir.actions.act_window",
            name: `${spec.title}: ${spec.labels[index]}`,
            res_model: spec.res_model,
            domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            context: {create: false},
        });
    }
}

registry.category("fields").add("it_asset_chart", {
    component: ItAssetChartField,
    supportedTypes: ["text"],
});
