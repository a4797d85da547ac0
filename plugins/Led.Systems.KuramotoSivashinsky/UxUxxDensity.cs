using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// The forecast's joint density of (u_x, u_xx) against the truth's, per channel of a 1-D field: <c>ux_uxx_l1_&lt;channel&gt;</c>
/// (L1 distance of the densities over all initial conditions and times), with both densities as figures. The
/// Kuramoto–Sivashinsky system turns it on by default.
/// </summary>
public sealed class UxUxxDensity(UxUxxDensityOptions options) : IForecastMetric, IMetricFigures
{
    private readonly List<MetricFigure> _figures = [];

    public IReadOnlyList<MetricFigure> Figures => _figures;

    public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions)
    {
        if (system.Observable is not FieldObservable { Grid.Count: 1 } field)
            throw new ArgumentException("UxUxxDensity needs a field on a 1-D grid");
        _figures.Clear();
        int points = field.Grid[0], frame = system.Size, frames = predictions.Length / frame;
        double dx = field.Extent[0] / (field.Periodic ? points : points - 1);
        var result = new Dictionary<string, double>();
        for (int c = 0; c < field.Channels.Count; c++)
        {
            var (p, y) = (new double[frames * points], new double[frames * points]);
            for (int f = 0; f < frames; f++)
            {
                predictions.Slice(f * frame + c * points, points).CopyTo(p.AsSpan(f * points, points));
                targets.Slice(f * frame + c * points, points).CopyTo(y.AsSpan(f * points, points));
            }
            var density = DerivativeDensity.Compute(p, y, points, dx, field.Periodic, options.Bins);
            string name = field.Channels[c], key = new(name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray());
            result[$"ux_uxx_l1_{key}"] = density.L1;
            foreach (var (kind, values) in new[] { ("truth", density.Truth), ("prediction", density.Prediction) })
                _figures.Add(new MetricFigure($"ux_uxx_{name}_{kind}", $"{name}: joint density of ({name}_x, {name}_xx), {kind} (L1 difference {density.L1:G3})",
                    $"{name}_x", $"{name}_xx", values, density.Ux, density.Uxx));
        }
        return result;
    }
}
