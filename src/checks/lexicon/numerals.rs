//! Words of numerals, dates and stretches of years (BD108, BD109, BD113).
