// Convex least squares: min ‖Σ_i w_i b_i − t‖² over the simplex w_i ≥ 0, Σ_i w_i = 1 (so also w_i ≤ 1).
//
// Scheme: with p_i = b_i − t the objective is ‖Σ_i w_i p_i‖², the squared norm of a point of the convex hull of the
// p_i, so the problem is the minimum-norm point of a polytope, solved exactly by Wolfe's active-set algorithm (Wolfe,
// "Finding the nearest point in a polytope", Math. Programming 11, 1976):
//   start at the vertex p_j of least norm (the nearest neighbour), active set S = {j}, λ = e_j;
//   major step: x = Σ λ_i p_i; the vertex j minimising x·p_j; if x·p_j ≥ ‖x‖² − τ·max‖p‖² then x is optimal
//     (the KKT condition of the convex problem), otherwise j joins S;
//   minor steps: α = the minimiser of ‖Σ_{S} α_i p_i‖ on the affine hull (Σ α_i = 1), a least-squares problem in
//     |S| − 1 ≤ d unknowns solved by modified Gram–Schmidt QR; if α > 0 it becomes λ, otherwise λ moves towards α
//     until its first coordinate reaches 0 and that point leaves S.
// Each major step lowers ‖x‖ strictly, so it ends after finitely many steps (S stays affinely independent, |S| ≤ d + 1).
// When t equals some b_j exactly the start is already optimal and the weights are e_j: a training latent lifts to its
// own frame. Cost per solve: O(k·d) a major step, O(d³) a minor step.
namespace Led.Autoencoders.DiffusionMaps;

/// <summary>The weights on the simplex whose combination of given points is nearest to a target (Wolfe's algorithm).</summary>
public static class ConvexLeastSquares
{
    private const double OptimalityTolerance = 1e-12;
    private const double ZeroWeight = 1e-14;

    /// <summary>
    /// The weights w (length <paramref name="count"/>, w ≥ 0, Σ w = 1) minimising ‖Σ_i w_i b_i − t‖², b the rows of
    /// <paramref name="points"/> (row-major <c>[count, d]</c>) and t <paramref name="target"/> (<c>[d]</c>). Among equal
    /// minima it returns the one reached from the point nearest the target.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not match or there is no point.</exception>
    public static double[] Solve(ReadOnlySpan<double> points, ReadOnlySpan<double> target, int count)
    {
        int dim = target.Length;
        if (count < 1 || dim < 1 || points.Length != count * dim)
            throw new ArgumentException($"expected {count} points of dimension {dim} ({count * dim} values), got {points.Length} values");
        var p = new double[count * dim];
        double maxNorm = 0;
        int start = 0;
        double startNorm = double.PositiveInfinity;
        for (int i = 0; i < count; i++)
        {
            double norm = 0;
            for (int c = 0; c < dim; c++)
            {
                double v = points[i * dim + c] - target[c];
                p[i * dim + c] = v;
                norm += v * v;
            }
            maxNorm = Math.Max(maxNorm, norm);
            if (norm < startNorm) (start, startNorm) = (i, norm);
        }
        var weights = new double[count];
        weights[start] = 1;
        var active = new List<int> { start };
        var x = p.AsSpan(start * dim, dim).ToArray();
        double tolerance = OptimalityTolerance * maxNorm;
        for (int major = 0; major < 10 * (count + dim); major++)
        {
            double xx = Dot(x, x);
            if (xx == 0) break;
            int entering = -1;
            double least = double.PositiveInfinity;
            for (int j = 0; j < count; j++)
            {
                double xp = Dot(x, p.AsSpan(j * dim, dim));
                if (xp < least) (entering, least) = (j, xp);
            }
            if (least >= xx - tolerance || active.Contains(entering)) break;
            active.Add(entering);
            if (!MinorSteps(p, dim, active, weights, entering)) break;
            Combine(p, dim, active, weights, x);
        }
        return weights;
    }

    /// <summary>
    /// The minor steps after <paramref name="entering"/> joined the active set; false when round-off keeps it from
    /// improving the point (it is removed again and the current weights stand).
    /// </summary>
    private static bool MinorSteps(double[] p, int dim, List<int> active, double[] weights, int entering)
    {
        for (int minor = 0; minor <= dim + 1; minor++)
        {
            var alpha = AffineMinimiser(p, dim, active);
            if (alpha is null)
            {
                active.Remove(entering);
                weights[entering] = 0;
                return false;
            }
            if (alpha.All(a => a > ZeroWeight))
            {
                for (int s = 0; s < active.Count; s++) weights[active[s]] = alpha[s];
                return true;
            }
            double theta = 1;
            int leaving = -1;
            for (int s = 0; s < active.Count; s++)
            {
                if (alpha[s] > ZeroWeight) continue;
                double lambda = weights[active[s]];
                double step = lambda > 0 ? lambda / (lambda - alpha[s]) : 0;
                if (step < theta) (theta, leaving) = (step, s);
            }
            if (leaving < 0) leaving = Array.IndexOf(alpha, alpha.Min());
            if (active[leaving] == entering && theta == 0)
            {
                active.Remove(entering);
                weights[entering] = 0;
                return false;
            }
            for (int s = 0; s < active.Count; s++)
                weights[active[s]] = (1 - theta) * weights[active[s]] + theta * alpha[s];
            weights[active[leaving]] = 0;
            active.RemoveAt(leaving);
            for (int s = active.Count - 1; s >= 0; s--)
                if (weights[active[s]] <= ZeroWeight)
                {
                    weights[active[s]] = 0;
                    active.RemoveAt(s);
                }
            Normalise(weights, active);
        }
        return true;
    }

    /// <summary>
    /// α (Σ α = 1) minimising ‖Σ_s α_s p_{S_s}‖: with q_r = p_{S_r} − p_{S_0}, β = argmin ‖p_{S_0} + Σ β_r q_r‖ by
    /// modified Gram–Schmidt QR, α_0 = 1 − Σ β. Null when the points are affinely dependent to round-off.
    /// </summary>
    private static double[]? AffineMinimiser(double[] p, int dim, List<int> active)
    {
        int m = active.Count;
        if (m == 1) return [1.0];
        int r = m - 1;
        if (r > dim) return null;
        var origin = p.AsSpan(active[0] * dim, dim);
        var q = new double[r][];
        var rMatrix = new double[r, r];
        var rhs = new double[dim];
        for (int c = 0; c < dim; c++) rhs[c] = -origin[c];
        for (int k = 0; k < r; k++)
        {
            q[k] = new double[dim];
            var pk = p.AsSpan(active[k + 1] * dim, dim);
            for (int c = 0; c < dim; c++) q[k][c] = pk[c] - origin[c];
        }
        var coefficients = new double[r];
        for (int k = 0; k < r; k++)
        {
            double original = Math.Sqrt(Dot(q[k], q[k]));
            for (int j = 0; j < k; j++)
            {
                double projection = Dot(q[j], q[k]);
                rMatrix[j, k] = projection;
                for (int c = 0; c < dim; c++) q[k][c] -= projection * q[j][c];
            }
            double norm = Math.Sqrt(Dot(q[k], q[k]));
            if (!(norm > 1e-10 * original)) return null;
            rMatrix[k, k] = norm;
            for (int c = 0; c < dim; c++) q[k][c] /= norm;
            coefficients[k] = Dot(q[k], rhs);
            for (int c = 0; c < dim; c++) rhs[c] -= coefficients[k] * q[k][c];
        }
        var beta = new double[r];
        for (int k = r - 1; k >= 0; k--)
        {
            double sum = coefficients[k];
            for (int j = k + 1; j < r; j++) sum -= rMatrix[k, j] * beta[j];
            beta[k] = sum / rMatrix[k, k];
        }
        var alpha = new double[m];
        alpha[0] = 1 - beta.Sum();
        beta.CopyTo(alpha, 1);
        return alpha;
    }

    private static void Normalise(double[] weights, List<int> active)
    {
        double sum = active.Sum(i => weights[i]);
        foreach (int i in active) weights[i] /= sum;
    }

    private static void Combine(double[] p, int dim, List<int> active, double[] weights, double[] x)
    {
        Array.Clear(x);
        foreach (int i in active)
            for (int c = 0; c < dim; c++) x[c] += weights[i] * p[i * dim + c];
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int c = 0; c < a.Length; c++) sum += a[c] * b[c];
        return sum;
    }
}
