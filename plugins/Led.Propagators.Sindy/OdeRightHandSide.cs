namespace Led.Propagators.Sindy;

/// <summary>The right-hand side of an autonomous ODE, dx/dt = f(x).</summary>
internal delegate void OdeRightHandSide(ReadOnlySpan<double> x, Span<double> dxdt);
