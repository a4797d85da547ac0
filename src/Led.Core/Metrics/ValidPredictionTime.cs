namespace Led.Core.Metrics;

/// <summary>
/// The valid prediction time of short-term forecasting (Vlachas et al. 2020, the paper's Fig. 3h): per initial condition,
/// the number of leading steps whose error, normalised point by point by the attractor's standard deviation,
/// NRMSE_σ(t) = √(mean over points of (p − y)² / σ²), stays at or below a threshold (0.5 in the references). σ of each
/// point (and channel) is taken over every target frame of every initial condition, the forecast's own attractor sample;
/// a point that never varies is left out. A forecast whose error never exceeds the threshold is valid for all its steps.
/// </summary>
public static class ValidPredictionTime
{
    /// <param name="predictions">[ic, t, frame…] flattened.</param>
    /// <param name="targets">Same layout.</param>
    /// <returns>NRMSE_σ per initial condition and step, and the valid steps per initial condition.</returns>
    public static (ErrorSeries Nrmse, int[] ValidSteps) Compute(double[] predictions, double[] targets, int initialConditions, int steps, double threshold)
    {
        if (predictions.Length != targets.Length || initialConditions < 1 || steps < 1 || targets.Length % (initialConditions * steps) != 0)
            throw new ArgumentException("predictions and targets must have the same [ic, t, …] shape");
        if (!(threshold > 0)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must be positive");
        int frames = initialConditions * steps, frame = targets.Length / frames;
        var mean = new double[frame];
        var inverseVariance = new double[frame];
        for (int f = 0; f < frames; f++)
            for (int k = 0; k < frame; k++) mean[k] += targets[f * frame + k];
        for (int k = 0; k < frame; k++) mean[k] /= frames;
        for (int f = 0; f < frames; f++)
            for (int k = 0; k < frame; k++)
            {
                double d = targets[f * frame + k] - mean[k];
                inverseVariance[k] += d * d;
            }
        int varying = 0;
        for (int k = 0; k < frame; k++)
        {
            double variance = inverseVariance[k] / frames;
            inverseVariance[k] = variance > 0 ? 1 / variance : 0;
            if (variance > 0) varying++;
        }
        var nrmse = new ErrorSeries("nrmse_std", initialConditions, steps);
        var valid = new int[initialConditions];
        for (int i = 0; i < initialConditions; i++)
        {
            valid[i] = steps;
            for (int t = 0; t < steps; t++)
            {
                int offset = (i * steps + t) * frame;
                double sum = 0;
                for (int k = 0; k < frame; k++)
                {
                    double d = predictions[offset + k] - targets[offset + k];
                    sum += d * d * inverseVariance[k];
                }
                double e = varying > 0 ? Math.Sqrt(sum / varying) : 0;
                nrmse.Values[i, t] = e;
                if (e > threshold && valid[i] == steps) valid[i] = t;
            }
        }
        return (nrmse, valid);
    }
}
