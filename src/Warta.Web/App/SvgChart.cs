using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Warta.Web.App;

/// <summary>Bar charts of articles per period as inline SVG, drawn on the server: no script, no style attribute (colours come from the stylesheet's <c>s0</c>…<c>s7</c> classes), every text encoded.</summary>
internal static class SvgChart
{
    /// <summary>Series colours the stylesheet defines; more outlets than this reuse them in turn.</summary>
    public const int Colours = 8;

    private const int Height = 60;

    /// <summary>A stacked bar per period (one colour per series); each bar's tooltip names its period, series and count.</summary>
    /// <param name="series">The counts.</param>
    /// <param name="label">What the chart shows, for screen readers (its <c>aria-label</c> and <c>title</c>).</param>
    /// <param name="small">A compact chart (Beranda's).</param>
    public static IHtmlContent Bars(ChartSeries series, string label, bool small = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(label);
        var encoder = HtmlEncoder.Default;
        var n = Math.Max(1, series.Periods.Count);
        // Bars 10 units wide with a 2-unit gap; the SVG scales to its box (the stylesheet sets its width).
        var width = n * 12;
        // Period labels are the page's (HTML under the chart): text inside a stretched SVG would be distorted.
        var plot = small ? Height / 2 : Height;
        var height = plot;
        var max = Math.Max(1, series.Max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart{(small ? " chart-small" : "")}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{encoder.Encode(label)}\">");
        svg.Append("<title>").Append(encoder.Encode(label)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" y1=\"{plot}\" x2=\"{width}\" y2=\"{plot}\"/>");
        for (var p = 0; p < series.Periods.Count; p++)
        {
            var y = (double)plot;
            for (var s = 0; s < series.Names.Count; s++)
            {
                var count = series.Counts[p][s];
                if (count == 0) continue;
                var h = count * (plot - 2) / (double)max;
                y -= h;
                var name = series.Names[s].Length == 0 ? "" : series.Names[s] + ": ";
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"s{s % Colours}\" x=\"{p * 12 + 1}\" y=\"{y:0.##}\" width=\"10\" height=\"{h:0.##}\">");
                svg.Append("<title>").Append(encoder.Encode($"{Day(series.Periods[p])} {name}{count}")).Append("</title></rect>");
            }
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
