suppressMessages(library(forecast))
f <- function(x) formatC(x, digits=17, format="g")
oil <- read.csv("Tests/Fixtures/smoothing/fpp1_oildata_1996_2007.csv")
air <- read.csv("Tests/Fixtures/smoothing/ausair_1990_2004.csv")
for (nm in c("oil","air")) {
  d <- get(nm); y <- ts(d$value, start=d$period[1])
  for (m in list(c("ANN",FALSE), c("AAN",FALSE), c("AAN",TRUE))) {
    fit <- ets(y, model=m[1], damped=as.logical(m[2]))
    fc <- forecast(fit, h=3, level=95)
    cat(nm, m[1], m[2], "par", paste(names(fit$par), f(fit$par)), "sse", f(sum(residuals(fit)^2)), "aicc", f(fit$aicc), "sigma2", f(fit$sigma2), "mean", f(fc$mean), "lo", f(fc$lower), "\n")
  }
}
