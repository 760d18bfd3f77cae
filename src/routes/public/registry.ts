import type { Services } from "../../services/index.js";
import { searchPage } from "./searchPage.js";

/** /registro: the search's results as a list. */
export const registryPage = (services: Services) =>
  searchPage(services, { view: "public/registry", path: "/registro" });
