using Led.Abstractions.Observables;

namespace Led.Core.Metrics;

/// <summary>
/// Distribution errors of a forecast of a point set or a coordinate vector, per initial condition and time step (the
/// reference's AD and alanine statistics): for each quantity of the observable (a point set's dimension, a vector's
/// coordinate) the true sample — a point set's N values, or a coordinate's one value — against the predicted sample
/// pooled over the ensemble's members: the Wasserstein-1 distance (<c>wasserstein_&lt;name&gt;</c>) and the L1 histogram
/// error with Rice-rule bins (<c>histogram_l1_&lt;name&gt;</c>), and their means over the quantities (<c>wasserstein</c>,
/// <c>histogram_l1</c>). Periodic coordinates are wrapped into their bounds first.
/// </summary>
public static class EnsembleDistributionErrors
{
    /// <param name="predictions"><c>[ic, member, t, …observable shape]</c> flattened, physical units.</param>
    /// <param name="targets"><c>[ic, t, …observable shape]</c> flattened.</param>
    public static IReadOnlyList<ErrorSeries> Compute(Observable observable, double[] predictions, double[] targets, int initialConditions, int members, int steps)
    {
        int frame = observable.Size, names = observable.Names.Count;
        if (targets.Length != initialConditions * steps * frame || predictions.Length != targets.Length * members)
            throw new ArgumentException("predictions must be [ic, member, t, …] and targets [ic, t, …] of the observable's shape");
        var layout = Enumerable.Range(0, frame).GroupBy(observable.NameOf).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var w1 = Enumerable.Range(0, names).Select(c => new ErrorSeries($"wasserstein_{MetricKeys.Snake(observable.Names[c])}", initialConditions, steps)).ToArray();
        var l1 = Enumerable.Range(0, names).Select(c => new ErrorSeries($"histogram_l1_{MetricKeys.Snake(observable.Names[c])}", initialConditions, steps)).ToArray();
        var meanW1 = new ErrorSeries("wasserstein", initialConditions, steps);
        var meanL1 = new ErrorSeries("histogram_l1", initialConditions, steps);
        Parallel.For(0, initialConditions * steps, k =>
        {
            int i = k / steps, t = k % steps;
            for (int c = 0; c < names; c++)
            {
                var indices = layout[c];
                var truth = new double[indices.Length];
                var predicted = new double[indices.Length * members];
                for (int j = 0; j < indices.Length; j++)
                {
                    truth[j] = Wrap(observable, c, targets[(i * steps + t) * frame + indices[j]]);
                    for (int m = 0; m < members; m++)
                        predicted[m * indices.Length + j] = Wrap(observable, c, predictions[((i * members + m) * steps + t) * frame + indices[j]]);
                }
                l1[c].Values[i, t] = SampleDistances.HistogramL1(predicted, truth);
                w1[c].Values[i, t] = SampleDistances.Wasserstein(predicted, truth);
            }
            meanW1.Values[i, t] = w1.Average(s => s.Values[i, t]);
            meanL1.Values[i, t] = l1.Average(s => s.Values[i, t]);
        });
        return [meanW1, meanL1, .. w1, .. l1];
    }

    private static double Wrap(Observable observable, int name, double value)
    {
        if (observable is not CoordinateObservable { Coordinates: var coordinates } || !coordinates[name].Periodic) return value;
        double lo = coordinates[name].Min, period = coordinates[name].Max - lo;
        double wrapped = lo + ((value - lo) % period + period) % period;
        return wrapped;
    }
}
