using static TorchSharp.torch;

namespace Led.Propagators.Sindy;

/// <summary>
/// Sequentially thresholded least squares (Brunton, Proctor &amp; Kutz 2016; pysindy's <c>STLSQ</c>) for one target:
/// ridge regression ξ = argmin ‖Θξ − y‖² + α‖ξ‖² on all terms, then repeatedly zero every |ξ_k| &lt; threshold and
/// refit the ridge regression on the kept terms, until the kept set stops changing or the iterations run out; the
/// kept terms are finally refitted without regularisation. Each regression is solved as the least-squares problem
/// [Θ; √α I] ξ = [y; 0] (QR-based, not the normal equations).
/// </summary>
internal static class Stlsq
{
    /// <param name="library">Θ, <c>[n, p]</c> float64.</param>
    /// <param name="target">y, <c>[n]</c> float64.</param>
    /// <returns>ξ, p coefficients with zeros where terms were dropped.</returns>
    public static double[] Fit(Tensor library, Tensor target, double threshold, double alpha, int maxIterations)
    {
        using var scope = NewDisposeScope();
        int p = (int)library.shape[1];
        var coefficients = new double[p];
        var kept = Enumerable.Range(0, p).ToArray();
        Solve(library, target, kept, alpha, coefficients);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            var next = kept.Where(k => Math.Abs(coefficients[k]) >= threshold).ToArray();
            foreach (int k in kept.Except(next)) coefficients[k] = 0;
            bool converged = next.Length == kept.Length;
            kept = next;
            if (converged || kept.Length == 0) break;
            Solve(library, target, kept, alpha, coefficients);
        }
        if (kept.Length > 0) Solve(library, target, kept, 0, coefficients);
        return coefficients;
    }

    private static void Solve(Tensor library, Tensor target, int[] kept, double alpha, double[] coefficients)
    {
        using var scope = NewDisposeScope();
        var columns = library.index_select(1, tensor(kept.Select(k => (long)k).ToArray()));
        var rhs = target.unsqueeze(1);
        if (alpha > 0)
        {
            columns = cat([columns, Math.Sqrt(alpha) * eye(kept.Length, dtype: ScalarType.Float64)], 0);
            rhs = cat([rhs, zeros(kept.Length, 1, dtype: ScalarType.Float64)], 0);
        }
        var solution = linalg.lstsq(columns, rhs).Solution.squeeze(1).contiguous().data<double>().ToArray();
        for (int j = 0; j < kept.Length; j++) coefficients[kept[j]] = solution[j];
    }
}
