// Twelve colours told apart on screen and in print, for every chart's series, slices and categories: a chart
// with more groups than this folds the rest into 其他 rather than repeating a colour.
export const palette = ['#0b4ea2', '#2e7d32', '#c0392b', '#8a4b00', '#6a3fb5', '#00838f', '#c2185b', '#5d6d7e', '#d35400', '#1f7a5a', '#7d6608', '#34495e'];
