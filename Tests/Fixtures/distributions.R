options(digits=17)
f <- function(x) formatC(x, digits=17, format="g")
cat("R", R.version.string, "\n")
for (df in c(1,2,5,13,1000)) {
  for (t in c(-1e5, -30, -3.5, -1.2, 0.3, 2.5)) cat(sprintf("pt %s %s %s\n", f(t), df, f(pt(t, df))))
  for (p in c(1e-10, 0.001, 0.1, 0.4, 0.9, 0.975, 1-1e-10)) cat(sprintf("qt %s %s %s\n", f(p), df, f(qt(p, df))))
}
for (z in c(-37, -6.3613409, -2, 0.5, 3)) cat(sprintf("pnorm %s %s\n", f(z), f(pnorm(z))))
for (p in c(1e-300, 1e-10, 0.025, 0.3, 0.975, 1-1e-10)) cat(sprintf("qnorm %s %s\n", f(p), f(qnorm(p))))
for (d in list(c(1,1), c(2,5), c(5,2), c(3,1000), c(10,13))) {
  for (x in c(0.01, 0.5, 2, 40, 1e4)) cat(sprintf("pf %s %s %s %s %s\n", f(x), d[1], d[2], f(pf(x, d[1], d[2])), f(pf(x, d[1], d[2], lower.tail=FALSE))))
  for (p in c(1e-10, 0.05, 0.5, 0.95, 1-1e-10)) cat(sprintf("qf %s %s %s %s\n", f(p), d[1], d[2], f(qf(p, d[1], d[2]))))
}
