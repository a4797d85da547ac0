namespace Led.Core.Metrics;

/// <summary>
/// The paper's error metrics between predictions and targets (both in physical units), per initial condition and time
/// step (spec §4): <c>mse</c>; <c>mnad</c> = mean |p − y| / (max y − min y) over the snapshot (the KS convention);
/// <c>nrmse</c> = RMS of (p − y)/(data max − data min) per channel; <c>correlation</c> = Pearson of the flattened
/// snapshot; and per channel c, <c>mnad_c</c> = mean over space of |p − y| / (max − min of channel c over every target
/// of every initial condition and time) — the paper's FHN MNAD.
/// </summary>
public sealed class ForecastErrors
{
    private ForecastErrors(IReadOnlyList<ErrorSeries> series) => Series = series;

    public IReadOnlyList<ErrorSeries> Series { get; }

    public ErrorSeries this[string name] => Series.First(s => s.Name == name);

    /// <param name="predictions">[ic, t, channel, grid…] flattened.</param>
    /// <param name="targets">Same layout.</param>
    /// <param name="channels">Channel names.</param>
    /// <param name="dataRange">Per channel: data max − data min (the scaler's range).</param>
    public static ForecastErrors Compute(double[] predictions, double[] targets, int initialConditions, int steps,
        IReadOnlyList<string> channels, double[] dataRange)
    {
        int frame = predictions.Length / (initialConditions * steps), perChannel = frame / channels.Count;
        if (predictions.Length != targets.Length || frame * initialConditions * steps != predictions.Length)
            throw new ArgumentException("predictions and targets must have the same [ic, t, …] shape");
        var globalRange = new double[channels.Count];
        for (int c = 0; c < channels.Count; c++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int f = 0; f < initialConditions * steps; f++)
                foreach (var v in targets.AsSpan(f * frame + c * perChannel, perChannel))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            globalRange[c] = hi > lo ? hi - lo : 1;
        }
        var mse = new ErrorSeries("mse", initialConditions, steps);
        var mnad = new ErrorSeries("mnad", initialConditions, steps);
        var nrmse = new ErrorSeries("nrmse", initialConditions, steps);
        var corr = new ErrorSeries("correlation", initialConditions, steps);
        var perChannelMnad = channels.Select(c => new ErrorSeries($"mnad_{c}", initialConditions, steps)).ToArray();
        Parallel.For(0, initialConditions, i =>
        {
            for (int t = 0; t < steps; t++)
            {
                int offset = (i * steps + t) * frame;
                var p = predictions.AsSpan(offset, frame);
                var y = targets.AsSpan(offset, frame);
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                foreach (var v in y)
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
                double range = hi > lo ? hi - lo : 1;
                double sq = 0, abs = 0, nsq = 0, sp = 0, sy = 0, spp = 0, syy = 0, spy = 0;
                for (int c = 0; c < channels.Count; c++)
                {
                    double channelAbs = 0;
                    for (int k = c * perChannel; k < (c + 1) * perChannel; k++)
                    {
                        double d = p[k] - y[k];
                        sq += d * d;
                        abs += Math.Abs(d);
                        channelAbs += Math.Abs(d);
                        nsq += d * d / (dataRange[c] * dataRange[c]);
                        sp += p[k]; sy += y[k]; spp += p[k] * p[k]; syy += y[k] * y[k]; spy += p[k] * y[k];
                    }
                    perChannelMnad[c].Values[i, t] = channelAbs / perChannel / globalRange[c];
                }
                mse.Values[i, t] = sq / frame;
                mnad.Values[i, t] = abs / frame / range;
                nrmse.Values[i, t] = Math.Sqrt(nsq / frame);
                double cov = spy - sp * sy / frame, vp = spp - sp * sp / frame, vy = syy - sy * sy / frame;
                corr.Values[i, t] = vp > 0 && vy > 0 ? cov / Math.Sqrt(vp * vy) : 0;
            }
        });
        return new ForecastErrors([mse, mnad, nrmse, corr, .. perChannelMnad]);
    }
}
