namespace Led.Systems.FitzHughNagumo.Tests;

public class LatticeBoltzmannD1Q3Tests
{
    private static readonly FitzHughNagumoOptions Reference = new();

    [Fact]
    public void RelaxationRates_AreTheReferences()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference);
        Assert.Equal(16.0 / 11.0, solver.OmegaU, 1e-15);
        Assert.Equal(0.8, solver.OmegaV, 1e-15);
        Assert.Equal(0.2, solver.GridSpacing, 1e-15);
    }

    /// <summary>
    /// One step against an independent transcription of reference-spec §1.2 (collision with both reactions from the
    /// pre-collision densities, streaming, the asymmetric ends), from a state whose populations are out of equilibrium.
    /// Covers the SIMD kernel (with an overlapping last pass for 7 nodes), the scalar kernel and the 3-node minimum.
    /// </summary>
    [Theory]
    [InlineData(101, true)]
    [InlineData(101, false)]
    [InlineData(7, true)]
    [InlineData(3, true)]
    public void OneStep_FollowsTheSpecFormulas(int nodes, bool vectorized)
    {
        var options = new FitzHughNagumoOptions { Nodes = nodes };
        var solver = new LatticeBoltzmannD1Q3(options, reaction: true, vectorized);
        var random = new Random(11);
        var rho = new double[2 * nodes];
        for (int i = 0; i < rho.Length; i++) rho[i] = random.NextDouble() * 2 - 1;
        solver.SetEquilibrium(rho);
        solver.Step(3); // populations now differ from ρ/3

        var f = new double[2][][];
        for (int s = 0; s < 2; s++)
        {
            f[s] = [new double[nodes], new double[nodes], new double[nodes]]; // right, rest, left
            solver.GetPopulations(s, f[s][0], f[s][1], f[s][2]);
        }
        double dt = options.MicroStep;
        double[] omega = [options.OmegaU, options.OmegaV];
        var density = new double[2][];
        for (int s = 0; s < 2; s++) density[s] = Enumerable.Range(0, nodes).Select(j => f[s][0][j] + f[s][1][j] + f[s][2][j]).ToArray();

        var expected = new double[2][][];
        for (int s = 0; s < 2; s++)
        {
            var post = new double[3][];
            for (int i = 0; i < 3; i++)
            {
                post[i] = new double[nodes];
                for (int j = 0; j < nodes; j++)
                {
                    double u = density[0][j], v = density[1][j];
                    double reaction = s == 0 ? u - u * u * u - v : options.Epsilon * (u - options.A1 * v - options.A0);
                    post[i][j] = f[s][i][j] - omega[s] * (f[s][i][j] - density[s][j] / 3) + dt / 3 * reaction;
                }
            }
            double[] right = new double[nodes], rest = (double[])post[1].Clone(), left = new double[nodes];
            for (int j = 1; j < nodes; j++) right[j] = post[0][j - 1];
            for (int j = 0; j < nodes - 1; j++) left[j] = post[2][j + 1];
            right[0] = post[0][0];                 // left end keeps its own post-collision right-mover
            left[nodes - 1] = right[nodes - 1];    // right end: left-mover ← new right-mover = f*₊[N−2]
            expected[s] = [right, rest, left];
        }

        solver.Step();
        for (int s = 0; s < 2; s++)
        {
            double[] right = new double[nodes], rest = new double[nodes], left = new double[nodes];
            solver.GetPopulations(s, right, rest, left);
            AssertClose(expected[s][0], right, 1e-15);
            AssertClose(expected[s][1], rest, 1e-15);
            AssertClose(expected[s][2], left, 1e-15);
        }
    }

    /// <summary>A spatially uniform state stays uniform and each node follows explicit Euler of the reaction ODE:
    /// the density gains δt·R per step.</summary>
    [Fact]
    public void UniformState_FollowsExplicitEulerOfTheReaction()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference);
        var rho = new double[202];
        Array.Fill(rho, -0.4, 0, 101);
        Array.Fill(rho, 0.1, 101, 101);
        solver.SetEquilibrium(rho);
        double u = -0.4, v = 0.1, dt = Reference.MicroStep;
        for (int k = 0; k < 4000; k++)
        {
            (u, v) = (u + dt * (u - u * u * u - v), v + dt * Reference.Epsilon * (u - Reference.A1 * v - Reference.A0));
            solver.Step();
        }
        var state = new double[202];
        solver.GetDensities(state);
        Assert.All(state.AsSpan(0, 101).ToArray(), x => Assert.Equal(state[0], x));
        Assert.All(state.AsSpan(101, 101).ToArray(), x => Assert.Equal(state[101], x));
        Assert.Equal(u, state[0], 1e-12);
        Assert.Equal(v, state[101], 1e-12);
        Assert.True(Math.Abs(u + 0.4) > 0.1, "the test must move the state");
    }

    /// <summary>
    /// Mass balance without reaction. Collision conserves ρ at every node; streaming moves populations between nodes; the
    /// ends do not conserve mass exactly: per step the total changes by
    /// ΔM = (f*₊[0] − f*₋[0]) + (f*₊[N−2] − f*₊[N−1])
    /// (left: f*₋[0] leaves and f*₊[0] is kept; right: f*₊[N−1] leaves and f*₊[N−2] is counted twice). At equilibrium
    /// the left term vanishes while the right one is (ρ[N−2] − ρ[N−1])/3, so a gradient at the right end leaks mass.
    /// </summary>
    [Fact]
    public void Mass_ChangesOnlyByTheBoundaryTerms()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference, reaction: false);
        var rho = new double[202];
        for (int j = 0; j < 101; j++)
        {
            double x = 0.2 * j;
            rho[j] = 0.3 + 0.05 * x + 0.2 * Math.Sin(0.7 * x); // gradients at both ends
            rho[101 + j] = 1.0 - 0.08 * x;
        }
        solver.SetEquilibrium(rho);
        double[] omega = [Reference.OmegaU, Reference.OmegaV];
        double[] right = new double[101], rest = new double[101], left = new double[101];
        double firstRightTerm = 0;
        for (int k = 0; k < 50; k++)
        {
            for (int s = 0; s < 2; s++)
            {
                solver.GetPopulations(s, right, rest, left);
                double PostRight(int j) => right[j] - omega[s] * (right[j] - (right[j] + rest[j] + left[j]) / 3);
                double PostLeft(int j) => left[j] - omega[s] * (left[j] - (right[j] + rest[j] + left[j]) / 3);
                double leftTerm = PostRight(0) - PostLeft(0);
                double rightTerm = PostRight(99) - PostRight(100);
                if (k == 0 && s == 0)
                {
                    firstRightTerm = rightTerm;
                    Assert.Equal(0.0, leftTerm, 1e-15); // equilibrium start: f₊ = f₋
                }
                double before = Mass(solver, s);
                var copy = new LatticeBoltzmannD1Q3(Reference, reaction: false);
                copy.CopyStateFrom(solver);
                copy.Step();
                Assert.Equal(before + leftTerm + rightTerm, Mass(copy, s), 1e-13);
            }
            solver.Step();
        }
        // (ρ[99] − ρ[100])/3 for u at equilibrium: a real leak, far above rounding.
        Assert.Equal((rho[99] - rho[100]) / 3, firstRightTerm, 1e-15);
        Assert.True(Math.Abs(firstRightTerm) > 1e-3);
    }

    /// <summary>Away from the ends (a compactly supported bump; the LB moves information one node per step) the mass is
    /// conserved to rounding, with reaction off.</summary>
    [Fact]
    public void Mass_IsConservedAwayFromTheEnds()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference, reaction: false);
        var rho = new double[202];
        for (int j = 40; j <= 60; j++)
        {
            double c = Math.Cos(Math.PI * (j - 50) / 20.0);
            rho[j] = 0.7 * c * c;
            rho[101 + j] = -0.3 * c * c;
        }
        solver.SetEquilibrium(rho);
        double u0 = Mass(solver, 0), v0 = Mass(solver, 1);
        solver.Step(35); // support stays within nodes 5..95
        Assert.Equal(u0, Mass(solver, 0), 1e-13);
        Assert.Equal(v0, Mass(solver, 1), 1e-13);
        var state = new double[202];
        solver.GetDensities(state);
        Assert.Equal(0.0, state[0]);
        Assert.Equal(0.0, state[100]);
        Assert.True(Math.Abs(state[50] - rho[50]) > 1e-3, "the bump must have diffused");
    }

    /// <summary>
    /// The diffusion limit validates ω: with reaction off a Gaussian bump's variance grows as 2·D·t. Measured growth
    /// ratios: D_u = 1 over t = 2: 1.0029; D_v = 4 over t = 0.5: 0.9958 (an initial layer shifts the variance by a
    /// constant; the slope over the second half is 2D to within 2e−4).
    /// </summary>
    [Theory]
    [InlineData(0, 1.0, 2.0)]
    [InlineData(1, 4.0, 0.5)]
    public void GaussianBump_VarianceGrowsAsTwoDt(int species, double diffusion, double time)
    {
        var solver = new LatticeBoltzmannD1Q3(Reference, reaction: false);
        var rho = new double[202];
        for (int j = 0; j < 101; j++)
        {
            double x = 0.2 * j;
            rho[species * 101 + j] = 0.1 * Math.Exp(-(x - 10) * (x - 10) / 2);
        }
        solver.SetEquilibrium(rho);
        int steps = (int)Math.Round(time / Reference.MicroStep);
        double v0 = Variance(solver, species);
        solver.Step(steps / 2);
        double vHalf = Variance(solver, species);
        solver.Step(steps - steps / 2);
        double vEnd = Variance(solver, species);

        Assert.Equal(1.0, (vEnd - v0) / (2 * diffusion * time), 0.02);
        Assert.Equal(1.0, (vEnd - vHalf) / (2 * diffusion * time / 2), 0.002);
    }

    [Fact]
    public void VectorAndScalarKernels_AgreeBitwise()
    {
        var vector = new LatticeBoltzmannD1Q3(Reference, reaction: true, vectorized: true);
        var scalar = new LatticeBoltzmannD1Q3(Reference, reaction: true, vectorized: false);
        double[] front = new FitzHughNagumo(Reference).CreateFrontState();
        vector.SetEquilibrium(front);
        scalar.SetEquilibrium(front);
        vector.Step(2000);
        scalar.Step(2000);
        for (int s = 0; s < 2; s++)
        {
            double[] a0 = new double[101], a1 = new double[101], a2 = new double[101];
            double[] b0 = new double[101], b1 = new double[101], b2 = new double[101];
            vector.GetPopulations(s, a0, a1, a2);
            scalar.GetPopulations(s, b0, b1, b2);
            Assert.Equal(b0, a0);
            Assert.Equal(b1, a1);
            Assert.Equal(b2, a2);
        }
    }

    [Fact]
    public void Step_AllocatesNothing()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference);
        solver.SetEquilibrium(new FitzHughNagumo(Reference).CreateFrontState());
        solver.Step(100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        solver.Step(10_000);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(10_100, solver.StepCount);
    }

    [Fact]
    public void Densities_AreReadBackFromPopulations_AfterAStep()
    {
        var solver = new LatticeBoltzmannD1Q3(Reference);
        double[] front = new FitzHughNagumo(Reference).CreateFrontState();
        solver.SetEquilibrium(front);
        Assert.Equal(front[37], solver.Density(0, 37));
        solver.Step();
        var state = new double[202];
        solver.GetDensities(state);
        double[] right = new double[101], rest = new double[101], left = new double[101];
        solver.GetPopulations(1, right, rest, left);
        Assert.Equal(rest[50] + right[50] + left[50], state[101 + 50]);
        Assert.Equal(state[101 + 50], solver.Density(1, 50));
        Assert.Throws<ArgumentException>(() => solver.GetDensities(new double[201]));
        Assert.Throws<ArgumentException>(() => solver.SetEquilibrium(new double[200]));
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Density(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Density(0, 101));
    }

    private static double Mass(LatticeBoltzmannD1Q3 solver, int species)
    {
        double sum = 0;
        for (int j = 0; j < solver.Nodes; j++) sum += solver.Density(species, j);
        return sum;
    }

    private static double Variance(LatticeBoltzmannD1Q3 solver, int species)
    {
        double m0 = 0, m1 = 0, m2 = 0;
        for (int j = 0; j < solver.Nodes; j++)
        {
            double x = j * solver.GridSpacing, r = solver.Density(species, j);
            m0 += r;
            m1 += r * x;
            m2 += r * x * x;
        }
        double mean = m1 / m0;
        return m2 / m0 - mean * mean;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"index {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
