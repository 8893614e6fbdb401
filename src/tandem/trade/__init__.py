"""Trade and investment monitor: trade by HS code and plan area, diversification, investment."""
