
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Bookable": [
      "Resource",
      "User"
    ],
    "Node": [
      "Account",
      "ApiToken",
      "Appointment",
      "AppointmentEvent",
      "AppointmentSeries",
      "Brand",
      "CancellationReason",
      "Case",
      "ClientPackage",
      "Company",
      "Customer",
      "Hold",
      "Interaction",
      "Invitation",
      "Location",
      "Operation",
      "Organisation",
      "Payment",
      "Product",
      "ProductCategory",
      "ProductType",
      "Property",
      "Resource",
      "TimeBand",
      "TimeOff",
      "Treatment",
      "TreatmentPlan",
      "TreatmentSession",
      "UnitCode",
      "User",
      "WaitlistEntry",
      "WebhookDelivery",
      "WebhookEndpoint"
    ]
  }
};
      export default result;
    