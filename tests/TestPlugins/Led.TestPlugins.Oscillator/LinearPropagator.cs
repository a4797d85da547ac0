using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.TestPlugins.Oscillator;

/// <summary>
/// z_{t+Δt} = A z_t + b, fitted in closed form by (ridge) least squares over consecutive training latents, solved in
/// plain doubles. For linear dynamics (the oscillators) seen through a linear autoencoder and the latent min–max
/// scaling, the one-step map is exactly affine, so with no ridge penalty the model is exact up to rounding: a model
/// whose forecasts do not depend on training, or on the CPU's kernels.
/// </summary>
public sealed class LinearPropagator(LinearPropagatorOptions options, LatentSpace latent) : ILatentPropagator, IFittable
{
    private readonly int _dim = latent.Dim;
    private double[]? _map; // [d_z, d_z + 1]: A, then b in the last column

    public PropagatorState Start(int batchSize) => new Memoryless();

    public torch.Tensor Forward(PropagatorState state, torch.Tensor latents)
    {
        var map = _map ?? throw new InvalidOperationException("the linear propagator is not fitted yet");
        using var scope = torch.NewDisposeScope();
        var weights = torch.tensor(map, [_dim, _dim + 1], dtype: latents.dtype, device: latents.device);
        var a = weights[.., ..(int)_dim];
        var b = weights[.., _dim];
        return (latents.matmul(a.t()) + b).MoveToOuterDisposeScope();
    }

    public void Fit(FitData data)
    {
        int n = _dim + 1;
        var gram = new double[n, n];
        var cross = new double[n, _dim];
        var input = new double[n];
        input[_dim] = 1;
        foreach (var trajectory in data.Training)
        {
            var values = trajectory.cpu().to(torch.ScalarType.Float64).contiguous().data<double>().ToArray();
            int steps = values.Length / _dim;
            for (int t = 0; t + 1 < steps; t++)
            {
                Array.Copy(values, t * _dim, input, 0, _dim);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) gram[i, j] += input[i] * input[j];
                    for (int j = 0; j < _dim; j++) cross[i, j] += input[i] * values[(t + 1) * _dim + j];
                }
            }
        }
        for (int i = 0; i < _dim; i++) gram[i, i] += options.Ridge;
        var solution = Solve(gram, cross);
        _map = new double[_dim * n];
        for (int row = 0; row < _dim; row++)
            for (int column = 0; column < n; column++)
                _map[row * n + column] = solution[column, row];
    }

    public void Save(Stream stream)
    {
        var map = _map ?? throw new InvalidOperationException("the linear propagator is not fitted yet");
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_dim);
        foreach (var v in map) writer.Write(v);
    }

    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        int dim = reader.ReadInt32();
        if (dim != _dim) throw new InvalidDataException($"saved linear propagator has d_z = {dim}; this one has {_dim}");
        _map = Enumerable.Range(0, _dim * (_dim + 1)).Select(_ => reader.ReadDouble()).ToArray();
    }

    /// <summary>Solves G X = C by Gaussian elimination with partial pivoting.</summary>
    private static double[,] Solve(double[,] g, double[,] c)
    {
        int n = g.GetLength(0), m = c.GetLength(1);
        double scale = Enumerable.Range(0, n).Max(i => Math.Abs(g[i, i]));
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
                if (Math.Abs(g[i, k]) > Math.Abs(g[pivot, k])) pivot = i;
            if (Math.Abs(g[pivot, k]) <= 1e-12 * scale)
                throw new InvalidOperationException("the training latents span fewer dimensions than d_z, so they do not determine a linear map: " +
                                                    "use fewer latent dimensions or a ridge penalty");
            for (int j = 0; j < n; j++) (g[k, j], g[pivot, j]) = (g[pivot, j], g[k, j]);
            for (int j = 0; j < m; j++) (c[k, j], c[pivot, j]) = (c[pivot, j], c[k, j]);
            for (int i = k + 1; i < n; i++)
            {
                double f = g[i, k] / g[k, k];
                for (int j = k; j < n; j++) g[i, j] -= f * g[k, j];
                for (int j = 0; j < m; j++) c[i, j] -= f * c[k, j];
            }
        }
        var x = new double[n, m];
        for (int j = 0; j < m; j++)
            for (int i = n - 1; i >= 0; i--)
            {
                double sum = c[i, j];
                for (int k = i + 1; k < n; k++) sum -= g[i, k] * x[k, j];
                x[i, j] = sum / g[i, i];
            }
        return x;
    }

    private sealed class Memoryless : PropagatorState
    {
        public override void Detach() { }

        public override void Dispose() { }
    }
}
