using Led.Abstractions.Observables;
using Led.Abstractions.Systems;

namespace Led.Systems.KuramotoSivashinsky.Tests;

public class UxUxxDensityTests
{
    private static readonly SystemDescription Ks = new(["u"], [64], [2 * Math.PI], 0.25, Periodic: true);

    private static double[] Sines(double phase)
    {
        var fields = new double[2 * 20 * 64];
        for (int s = 0; s < 40; s++)
            for (int j = 0; j < 64; j++) fields[s * 64 + j] = Math.Sin(j * 2 * Math.PI / 64 + 0.1 * s + phase);
        return fields;
    }

    [Fact]
    public void AForecastEqualToTheTruthHasNoDensityErrorAndTwoFigures()
    {
        var metric = new UxUxxDensity(new UxUxxDensityOptions());
        var scores = metric.Evaluate(Ks, Sines(0), Sines(0), 2);
        Assert.Equal(0, scores["ux_uxx_l1_u"], 14);
        Assert.Equal(["ux_uxx_u_truth", "ux_uxx_u_prediction"], metric.Figures.Select(f => f.Name));
    }

    [Fact]
    public void AScaledForecastHasADensityErrorAndOtherObservablesAreRefused()
    {
        var metric = new UxUxxDensity(new UxUxxDensityOptions { Bins = 20 });
        // Half of the snapshots (the second initial condition) predicted with twice the amplitude: half of the density
        // mass moves off the truth's curve, an L1 distance of 2 · ½.
        var truth = Sines(0);
        var prediction = truth.Select((v, i) => i < truth.Length / 2 ? v : 2 * v).ToArray();
        double l1 = metric.Evaluate(Ks, prediction, truth, 2)["ux_uxx_l1_u"];
        Assert.InRange(l1, 0.9, 1.1);
        var cloud = new SystemDescription(new PointSetObservable(10, ["x"]), 1);
        Assert.Throws<ArgumentException>(() => metric.Evaluate(cloud, new double[10], new double[10], 1));
    }
}
